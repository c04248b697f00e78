import { z } from 'zod';

/**
 * Facts about one environment variable that the error report and the generated documentation show.
 * Stored as Zod metadata on the variable's schema, so the schema stays the single source.
 */
export interface VariableMeta {
  readonly [key: string]: unknown;
  /** One sentence: what the variable controls. */
  readonly description: string;
  /** A valid value, shown in error reports and `.env.example` comments. */
  readonly example: string;
  /** Marked as a secret in the docs. (No value is ever echoed, secret or not.) */
  readonly secret?: boolean;
  /** Default shown in docs when it is computed rather than a literal. */
  readonly defaultText?: string;
  /** Extra help printed under a "missing" problem, e.g. where to get a token. */
  readonly hint?: string;
}

const PORT_MESSAGE = 'must be a port number from 0 to 65535';
const MAX_PORT = 65_535;

/** A TCP port; `0` asks the operating system for a free one (the bound port is logged). */
export function portField(defaultPort: number, meta: VariableMeta) {
  return z
    .string({ error: PORT_MESSAGE })
    .trim()
    .regex(/^\d{1,5}$/, { error: PORT_MESSAGE })
    .transform(Number)
    .refine((port) => port <= MAX_PORT, { error: PORT_MESSAGE })
    .prefault(String(defaultPort))
    .meta({ ...meta });
}

/** A whole number within `[min, max]`. */
export function integerField(min: number, max: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d+$/, { error: message })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: message });
}

/** A non-empty string (trimmed). */
export function textField() {
  return z.string({ error: 'must be set' }).trim().min(1, { error: 'must not be empty' });
}

/** An absolute URL whose scheme is one of `protocols` (without the colon). */
export function urlField(protocols: readonly string[]) {
  const message = `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`;
  return z
    .string({ error: message })
    .trim()
    .refine(
      (value) =>
        URL.canParse(value) && protocols.some((protocol) => value.toLowerCase().startsWith(`${protocol}://`)),
      { error: message },
    );
}

/** A Discord id (snowflake): 17 to 20 digits. */
export function snowflakeField() {
  return z
    .string({ error: 'must be a Discord id' })
    .trim()
    .regex(/^\d{17,20}$/, { error: 'must be a Discord id (17 to 20 digits)' });
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);
const BOOLEAN_MESSAGE = 'must be true or false';

/** `true`/`false` (also `1`/`0`, `yes`/`no`, `on`/`off`, any case). */
export function booleanField(defaultValue: boolean, meta: VariableMeta) {
  return z
    .string({ error: BOOLEAN_MESSAGE })
    .trim()
    .toLowerCase()
    .refine((value) => TRUE_WORDS.has(value) || FALSE_WORDS.has(value), { error: BOOLEAN_MESSAGE })
    .transform((value) => TRUE_WORDS.has(value))
    .prefault(String(defaultValue))
    .meta({ ...meta });
}

/** Splits a comma-separated list, trimming items and dropping empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

/** A comma-separated list whose every item passes `isValid` (the message names the first bad item's index). */
export function listField(itemDescription: string, isValid: (item: string) => boolean) {
  return z.string().transform((value, ctx) => {
    const items = splitList(value);
    items.forEach((item, index) => {
      if (!isValid(item)) {
        ctx.addIssue({
          code: 'custom',
          message: `item ${index + 1} of the comma-separated list is not ${itemDescription}`,
        });
      }
    });
    return items;
  });
}
