import { AppError, type AppErrorOptions } from '@discord-bot/errors';

/** Codes of {@link PlatformError}. */
export type PlatformErrorCode = 'PLATFORM_AREA_MISSING' | 'PLATFORM_CLOSED';

/** A resource was asked of the platform that its configuration cannot give, or after shutdown began. */
export class PlatformError extends AppError {
  declare public readonly code: PlatformErrorCode;

  public constructor(code: PlatformErrorCode, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
  }
}
