import { AppError } from '@discord-bot/errors';

/** Stable codes for refused or failed source access; the message is what a load result shows. */
export type SourceAccessCode =
  | 'SOURCE_BAD_URL'
  | 'SOURCE_BLOCKED_ADDRESS'
  | 'SOURCE_DNS_FAILED'
  | 'SOURCE_TOO_MANY_REDIRECTS'
  | 'SOURCE_TIMEOUT'
  | 'SOURCE_TOO_LARGE'
  | 'SOURCE_HTTP_STATUS'
  | 'SOURCE_PATH_REFUSED'
  | 'SOURCE_NOT_FOUND';

/** A source (URL or local path) that was refused or could not be read. */
export class SourceAccessError extends AppError {
  declare public readonly code: SourceAccessCode;

  public constructor(code: SourceAccessCode, message: string, options: { cause?: unknown } = {}) {
    super(code, message, options);
  }
}
