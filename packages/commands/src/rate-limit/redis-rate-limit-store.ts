import type { Redis } from 'ioredis';
import type { RateLimitDecision, RateLimitStore } from './rate-limit-store.js';

/**
 * Atomic fixed window: refuse without counting when the limit is reached, else count and set the expiry on
 * the first use. Returns {allowed 0|1, count, pttl}.
 */
const HIT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit = tonumber(ARGV[1])
if count >= limit then
  return {0, count, redis.call('PTTL', KEYS[1])}
end
count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, count, redis.call('PTTL', KEYS[1])}
`;

/** {@link RateLimitStore} shared by every gateway process through Redis. */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #redis: Redis;
  readonly #prefix: string;

  public constructor(redis: Redis, prefix = 'discord-bot:ratelimit:') {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  public async hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const [allowed, count, pttl] = (await this.#redis.eval(
      HIT_SCRIPT,
      1,
      this.#prefix + key,
      limit,
      windowMs,
    )) as [number, number, number];
    return allowed === 1
      ? { allowed: true, remaining: Math.max(0, limit - count), retryAfterMs: 0 }
      : { allowed: false, remaining: 0, retryAfterMs: Math.max(0, pttl) };
  }
}
