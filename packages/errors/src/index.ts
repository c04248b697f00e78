export { AppError, isAppError, type AppErrorOptions } from './app-error.js';
export { UserError, renderUserMessage } from './user-error.js';
export {
  USER_ERROR_CATALOG,
  isUserErrorCode,
  type UserErrorCode,
  type UserErrorEntry,
} from './user-error-codes.js';
export { UnrecoverableError } from './unrecoverable-error.js';
export { ok, err, type Result } from './result.js';
