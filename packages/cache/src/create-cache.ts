import type { Redis } from 'ioredis';
import { RedisRemoteCacheStore } from './redis-remote-cache-store.js';
import { TieredCache, type TieredCacheOptions } from './tiered-cache.js';

/** Options of {@link createCache}. */
export interface CreateCacheOptions<V> extends Omit<TieredCacheOptions<V>, 'remote' | 'ownsRemote'> {
  /** When given, Redis is the shared tier; otherwise the cache is in-process only (single-node mode). */
  readonly redis?: Redis;
  /** Prefix of the cache's Redis keys and invalidation channel. */
  readonly redisPrefix?: string;
}

/**
 * Builds and starts a {@link TieredCache}: memory + Redis when `redis` is given, memory only otherwise.
 * Closing the cache leaves the caller's connection open.
 */
export async function createCache<V>(options: CreateCacheOptions<V>): Promise<TieredCache<V>> {
  const { redis, redisPrefix = 'discord-bot:cache:', ...rest } = options;
  const cache = new TieredCache<V>(
    redis === undefined
      ? rest
      : { ...rest, remote: new RedisRemoteCacheStore(redis, redisPrefix), ownsRemote: true },
  );
  await cache.start();
  return cache;
}
