import { AppError, type AppErrorOptions } from './app-error.js';
import { USER_ERROR_CATALOG, type UserErrorCode } from './user-error-codes.js';

/**
 * An error whose cause is the user's input or situation, not a bug: "you are not in my voice channel",
 * "nothing is playing". The gateway renders it as an ephemeral message from {@link USER_ERROR_CATALOG},
 * the API as an HTTP status with the code in the body.
 *
 * `context` fills the placeholders of the catalog message (`{max}` and the like); keep it free of secrets.
 *
 * @example
 * throw new UserError('QUEUE_FULL', { max: 500 });
 */
export class UserError extends AppError {
  declare public readonly code: UserErrorCode;
  public readonly context: Readonly<Record<string, string | number>>;

  public constructor(
    code: UserErrorCode,
    context: Readonly<Record<string, string | number>> = {},
    options: AppErrorOptions = {},
  ) {
    super(code, renderUserMessage(code, context), {
      ...options,
      details: { ...options.details, ...context },
    });
    this.context = context;
  }

  /** HTTP status the API answers with for this error. */
  public get httpStatus(): number {
    return USER_ERROR_CATALOG[this.code].httpStatus;
  }
}

/** Fills `{name}` placeholders of the catalog message for `code` from `context`. */
export function renderUserMessage(
  code: UserErrorCode,
  context: Readonly<Record<string, string | number>> = {},
): string {
  return USER_ERROR_CATALOG[code].message.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in context ? String(context[key]) : whole,
  );
}
