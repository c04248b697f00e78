import { AppError, type AppErrorOptions } from './app-error.js';

/**
 * A failure that will fail the same way on every retry (bad payload, missing row): job runners and the
 * message bus stop retrying when they see it.
 */
export class UnrecoverableError extends AppError {
  public constructor(code: string, message: string, options: AppErrorOptions = {}) {
    super(code, message, options);
  }
}
