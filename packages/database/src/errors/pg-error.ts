import { DrizzleQueryError } from 'drizzle-orm/errors';

/** SQLSTATE codes this package reacts to. */
export const SqlState = {
  UNIQUE_VIOLATION: '23505',
  FOREIGN_KEY_VIOLATION: '23503',
  CHECK_VIOLATION: '23514',
  NOT_NULL_VIOLATION: '23502',
  RESTRICT_VIOLATION: '23001',
} as const;

const SQLSTATE_SHAPE = /^[0-9A-Z]{5}$/;

/** The fields node-postgres and PGlite errors share. */
export interface PgErrorFields {
  readonly code?: string;
  readonly constraint?: string;
}

/**
 * The driver error behind a Drizzle error. Drizzle wraps failures in a `DrizzleQueryError` whose message
 * lists the query parameters, which may hold secrets (webhook secrets, key hashes): never surface it.
 */
export function driverErrorOf(error: unknown): unknown {
  let current = error;
  while (current instanceof DrizzleQueryError && current.cause !== undefined) current = current.cause;
  return current;
}

/** SQLSTATE and constraint of a driver error, when it has them. */
export function pgErrorFields(error: unknown): PgErrorFields {
  const driverError = driverErrorOf(error);
  if (typeof driverError !== 'object' || driverError === null) return {};
  const { code, constraint } = driverError as { code?: unknown; constraint?: unknown };
  return {
    // Node socket errors also have a `code` (ECONNREFUSED); SQLSTATEs are exactly five characters.
    ...(typeof code === 'string' && SQLSTATE_SHAPE.test(code) ? { code } : {}),
    ...(typeof constraint === 'string' ? { constraint } : {}),
  };
}

/** True when `error` is a unique violation (of `constraint`, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const fields = pgErrorFields(error);
  return (
    fields.code === SqlState.UNIQUE_VIOLATION &&
    (constraint === undefined || fields.constraint === constraint)
  );
}
