import type { DiscordErrorBody } from '../discord-error.js';
import type { JsonObject } from '../entities.js';

/** One field error in Discord's nested `errors` tree. */
export interface FieldError {
  readonly code: string;
  readonly message: string;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Collects field errors at paths and renders Discord's `{path: {_errors: [...]}}` tree (error 50035). */
export class ErrorTree {
  private readonly root: JsonObject = {};
  public empty = true;

  public add(path: readonly (string | number)[], error: FieldError): void {
    let node = this.root;
    for (const key of path) {
      const next = node[String(key)];
      if (isObject(next)) node = next;
      else {
        const created: JsonObject = {};
        node[String(key)] = created;
        node = created;
      }
    }
    const list = Array.isArray(node['_errors']) ? (node['_errors'] as FieldError[]) : [];
    list.push(error);
    node['_errors'] = list;
    this.empty = false;
  }

  public maxLength(path: readonly (string | number)[], value: unknown, max: number): void {
    if (value === undefined || value === null) return;
    if (typeof value !== 'string')
      this.add(path, { code: 'BASE_TYPE_STRING', message: 'Could not interpret value as string.' });
    else if (value.length > max) {
      this.add(path, { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
    }
  }

  public toBody(): DiscordErrorBody {
    return { code: 50035, message: 'Invalid Form Body', errors: this.root };
  }
}
