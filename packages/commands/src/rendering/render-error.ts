import { UserError, isAppError } from '@discord-bot/errors';
import type { ReplyMessage } from '../invocation/command-invocation.js';

/** Characters of the correlation id quoted to the user as the reference of an unexpected error. */
const REFERENCE_LENGTH = 8;

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
 * correlation id (its last {@link REFERENCE_LENGTH} characters) so support can find the log line.
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
  // The end of the id: a snowflake's first digits are its timestamp, shared by every id of the same half
  // minute, while its last ones differ from one interaction to the next (as any part of a random UUID does).
  const reference = correlationId.slice(-REFERENCE_LENGTH);
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
