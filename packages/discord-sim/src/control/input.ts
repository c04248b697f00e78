import { err, ok, type Result } from '@discord-bot/errors';
import type { JsonObject } from '../model/entities.js';

/** Reads typed fields out of a control API body, failing with a message naming the field. */
export class Input {
  private constructor(private readonly body: JsonObject) {}

  public static of(body: unknown): Result<Input, string> {
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      return err('body must be a JSON object');
    return ok(new Input(body as JsonObject));
  }

  public string(key: string): string {
    const value = this.body[key];
    if (typeof value !== 'string' || value.length === 0)
      throw new InputError(`${key} must be a non-empty string`);
    return value;
  }

  public optionalString(key: string): string | undefined {
    return this.body[key] === undefined ? undefined : this.string(key);
  }

  /** A string, or null (e.g. `channelId: null` to leave voice). */
  public nullableString(key: string): string | null {
    return this.body[key] === null ? null : this.string(key);
  }

  public integer(key: string): number {
    const value = this.body[key];
    if (typeof value !== 'number' || !Number.isInteger(value))
      throw new InputError(`${key} must be an integer`);
    return value;
  }

  public optionalInteger(key: string): number | undefined {
    return this.body[key] === undefined ? undefined : this.integer(key);
  }

  public optionalNumber(key: string): number | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`${key} must be a number`);
    return value;
  }

  public optionalBoolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'boolean') throw new InputError(`${key} must be true or false`);
    return value;
  }

  public optionalStrings(key: string): string[] | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
      throw new InputError(`${key} must be an array of strings`);
    }
    return value as string[];
  }

  /** An object of scalars, e.g. command options `{name: value}`. */
  public optionalRecord<T extends string | number | boolean>(
    key: string,
    accept: (v: unknown) => v is T,
  ): Record<string, T> | undefined {
    const value = this.body[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new InputError(`${key} must be an object`);
    }
    const entries = Object.entries(value as JsonObject);
    if (entries.some(([, v]) => !accept(v))) throw new InputError(`${key} has a value of the wrong type`);
    return Object.fromEntries(entries) as Record<string, T>;
  }
}

/** A control request body missing or mistyping a field (answered 400). */
export class InputError extends Error {
  public override readonly name = 'InputError';
}

export function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}
