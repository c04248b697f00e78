export {
  createLogger,
  createSilentLogger,
  LOG_LEVELS,
  type CreateLoggerOptions,
  type LogLevel,
  type Logger,
} from './create-logger.js';
export { withContext, type LogContext } from './context.js';
export { redactDeep, redactString, isSecretKey, REDACTED, MAX_REDACT_DEPTH } from './redact.js';
