import { UserError, isAppError } from '@discord-bot/errors';
import type { ReplyMessage } from '../invocation/command-invocation.js';

/** Turns infrastructure errors that users can understand into catalog errors (e.g. a bus timeout). */
export type ErrorTranslator = (error: unknown) => UserError | undefined;

/** What the pipeline sends and logs for a failed invocation. */
export interface RenderedError {
  readonly message: ReplyMessage;
  readonly code: string;
  /** True for the user's own mistakes (logged at info), false for ours (logged at error). */
  readonly expected: boolean;
}

/**
 * The one place errors become Discord messages: always ephemeral, a friendly sentence and a short code the
 * user can quote; never a stack trace or an internal message. Unknown errors carry a reference to the
 * correlation id so support can find the log line.
 */
export function renderError(
  error: unknown,
  correlationId: string,
  translate?: ErrorTranslator,
): RenderedError {
  const userError = error instanceof UserError ? error : translate?.(error);
  if (userError !== undefined) {
    return {
      message: { content: `${userError.message}\n-# ${userError.code}`, ephemeral: true },
      code: userError.code,
      expected: true,
    };
  }
  const reference = correlationId.slice(0, 8);
  const code = isAppError(error) ? error.code : 'INTERNAL';
  return {
    message: {
      content: `${new UserError('INTERNAL').message}\n-# INTERNAL · ref ${reference}`,
      ephemeral: true,
    },
    code,
    expected: false,
  };
}
