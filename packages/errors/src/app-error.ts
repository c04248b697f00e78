/** Options accepted by every {@link AppError}. */
export interface AppErrorOptions {
  /** The lower-level failure this error wraps. */
  readonly cause?: unknown;
  /** Structured, non-secret facts that help a reader of logs (ids, counts, limits). */
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Base of every error this project throws on purpose.
 *
 * `code` is stable: tests, metrics, logs and user-facing messages key on it, never on `message`,
 * which is free to change wording. Codes are UPPER_SNAKE_CASE and namespaced by area, for example
 * `CONFIG_INVALID` or `BUS_REQUEST_TIMEOUT`.
 *
 * @example
 * throw new AppError('DATABASE_UNAVAILABLE', 'could not reach PostgreSQL', { cause: err });
 */
export class AppError extends Error {
  public readonly code: string;
  public readonly details: Readonly<Record<string, unknown>>;

  public constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.details = options.details ?? {};
  }

  /** A JSON-safe view for logs: never includes secrets because `details` must not hold any. */
  public toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** True when `value` is an {@link AppError} (also across duplicated module instances). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error && typeof (value as { code?: unknown }).code === 'string' && 'details' in value)
  );
}
