import { Redis, type RedisOptions } from 'ioredis';

/**
 * A Redis connection with the settings the bus relies on: commands wait for a reconnect instead of failing
 * after a few retries (the bus has its own timeouts), and reconnection never gives up.
 *
 * @example
 * const redis = createRedisClient(config.redisUrl);
 */
export function createRedisClient(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    lazyConnect: true,
    ...options,
  });
}
