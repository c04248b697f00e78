import { pino, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { REDACTED, isSecretKey, redactDeep } from './redact.js';

/** Log levels, most verbose first. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** How a logger is made. */
export interface CreateLoggerOptions {
  /** Service name carried on every line (`gateway`, `audio`, ...). */
  readonly service: string;
  readonly level?: LogLevel;
  /** Human-readable lines for development; JSON otherwise (the production default). */
  readonly pretty?: boolean;
  /** Where lines go; stdout when absent. Tests pass a stream to read what was logged. */
  readonly destination?: NodeJS.WritableStream;
}

export type { Logger };

const keep = (value: unknown): unknown => value;

/** Top-level keys most likely to be bound on a child logger by mistake. */
const BINDING_SERIALIZERS: Record<string, (value: unknown) => unknown> = Object.fromEntries(
  [
    'token',
    'password',
    'secret',
    'authorization',
    'apiKey',
    'api_key',
    'webhookSecret',
    'headers',
    'config',
  ].map((key) => [key, (value: unknown) => (isSecretKey(key) ? REDACTED : redactDeep(value))]),
);

/**
 * Makes the root logger of a process. Every object logged, at any depth and inside errors, passes through
 * {@link redactDeep}, so a token, password, authorization header, webhook secret or API key never reaches
 * the output whatever shape the object has.
 *
 * @example
 * const log = createLogger({ service: 'gateway', level: 'info' });
 * log.child({ guildId, correlationId }).info({ command: 'play' }, 'command received');
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  const pinoOptions: LoggerOptions = {
    level: options.level ?? 'info',
    base: { service: options.service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Errors are turned into plain objects by redactDeep itself, so pino's own error serializer must not run
    // first and hide fields. Child bindings skip `formatters.log`, but they do pass through serializers.
    serializers: { err: keep, error: keep, ...BINDING_SERIALIZERS },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactDeep(bindings) as Record<string, unknown>,
      log: (object) => redactDeep(object) as Record<string, unknown>,
    },
    hooks: {
      // Redact the message text too: an interpolated string may carry a token.
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? (redactDeep(arg) as string) : arg));
        method.apply(this, redacted as Parameters<typeof method>);
      },
    },
  };
  const destination =
    options.pretty === true
      ? pretty({ sync: true, colorize: false, destination: options.destination ?? process.stdout })
      : options.destination;
  return destination === undefined ? pino(pinoOptions) : pino(pinoOptions, destination);
}

/** A logger that discards everything, for code paths and tests that need one but not its output. */
export function createSilentLogger(): Logger {
  return pino({ level: 'silent' });
}
