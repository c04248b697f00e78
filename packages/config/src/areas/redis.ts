import { urlField } from '../fields.js';

/** Variables of the Redis area: without REDIS_URL the bus, cache and jobs run in-process. */
export const redisShape = {
  REDIS_URL: urlField(['redis', 'rediss']).optional().meta({
    description:
      'Redis connection string. Absent: in-process message bus, cache and jobs (one process only).',
    example: 'redis://127.0.0.1:6379',
    secret: true,
    defaultText: 'in-process',
  }),
};

/** Redis: `config.redis`. */
export interface RedisConfig {
  /** `undefined` selects the in-process bus, cache and job queue. */
  readonly url: string | undefined;
}

/** Builds {@link RedisConfig} from parsed variables. */
export function toRedisConfig(env: { readonly REDIS_URL?: string | undefined }): RedisConfig {
  return { url: env.REDIS_URL };
}
