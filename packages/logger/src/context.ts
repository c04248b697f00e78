import type { Logger } from 'pino';

/** Fields that tie a log line to one guild and one request across services. */
export interface LogContext {
  readonly guildId?: string;
  readonly correlationId?: string;
  readonly [key: string]: unknown;
}

/** A child logger carrying `guildId` and `correlationId` (only the ones given). */
export function withContext(logger: Logger, context: LogContext): Logger {
  const bindings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(context)) if (value !== undefined) bindings[key] = value;
  return logger.child(bindings);
}
