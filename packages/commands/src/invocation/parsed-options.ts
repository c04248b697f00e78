/** Option values after validation, keyed by option name; `parse` results replace raw values. */
export class ParsedOptions {
  readonly #values: ReadonlyMap<string, unknown>;

  public constructor(values: ReadonlyMap<string, unknown> = new Map()) {
    this.#values = values;
  }

  public has(name: string): boolean {
    return this.#values.has(name);
  }

  /** The value of `name`, typed by the caller who declared the option; undefined when not given. */
  public get<T>(name: string): T | undefined {
    return this.#values.get(name) as T | undefined;
  }

  public string(name: string): string | undefined {
    const value = this.#values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  public number(name: string): number | undefined {
    const value = this.#values.get(name);
    return typeof value === 'number' ? value : undefined;
  }

  public boolean(name: string): boolean | undefined {
    const value = this.#values.get(name);
    return typeof value === 'boolean' ? value : undefined;
  }

  public toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.#values);
  }
}
