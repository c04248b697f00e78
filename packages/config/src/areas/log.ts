import { z } from 'zod';

/** Log levels accepted by `LOG_LEVEL`, most verbose first (pino's names). */
export const LOG_LEVEL_VALUES = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
/** One of {@link LOG_LEVEL_VALUES}. */
export type LogLevelName = (typeof LOG_LEVEL_VALUES)[number];

/** Values of `NODE_ENV`. */
export const NODE_ENV_VALUES = ['development', 'production', 'test'] as const;
/** One of {@link NODE_ENV_VALUES}. */
export type NodeEnv = (typeof NODE_ENV_VALUES)[number];

/** Environment variables of the logging area (every service has them). */
export const logShape = {
  NODE_ENV: z
    .enum(NODE_ENV_VALUES, { error: `must be one of ${NODE_ENV_VALUES.join(', ')}` })
    .prefault('development')
    .meta({
      description: 'Runtime mode. `production` switches logs to JSON unless LOG_FORMAT says otherwise.',
      example: 'production',
    }),
  LOG_LEVEL: z
    .enum(LOG_LEVEL_VALUES, { error: `must be one of ${LOG_LEVEL_VALUES.join(', ')}` })
    .prefault('info')
    .meta({ description: 'Lowest level written to the log.', example: 'debug' }),
  LOG_FORMAT: z.enum(['json', 'pretty'], { error: 'must be json or pretty' }).optional().meta({
    description: 'Log line format: `json` (one object per line) or `pretty` (readable).',
    example: 'json',
    defaultText: 'pretty when NODE_ENV=development, else json',
  }),
} as const;

/** How a service logs: `config.log`. */
export interface LogConfig {
  readonly level: LogLevelName;
  /** Human-readable lines instead of JSON. */
  readonly pretty: boolean;
}

/** Builds {@link LogConfig} from parsed variables. */
export function toLogConfig(env: {
  readonly NODE_ENV: NodeEnv;
  readonly LOG_LEVEL: LogLevelName;
  readonly LOG_FORMAT?: 'json' | 'pretty' | undefined;
}): LogConfig {
  const format = env.LOG_FORMAT ?? (env.NODE_ENV === 'development' ? 'pretty' : 'json');
  return { level: env.LOG_LEVEL, pretty: format === 'pretty' };
}
