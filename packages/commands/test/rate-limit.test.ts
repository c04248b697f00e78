import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryRateLimitStore, RedisRateLimitStore, type RateLimitStore } from '@discord-bot/commands';
import { harness } from './support/dispatcher.js';
import { fakeInvocation } from '@discord-bot/commands/testing';

/** One contract for every RateLimitStore. */
function rateLimitStoreContract(name: string, make: () => RateLimitStore, prefix: () => string): void {
  describe(`${name} rate-limit store`, () => {
    it('GIVEN uses within the limit THEN each is allowed with the remaining count', async () => {
      const store = make();
      const key = `${prefix()}a`;
      expect(await store.hit(key, 2, 10_000)).toEqual({ allowed: true, remaining: 1, retryAfterMs: 0 });
      expect(await store.hit(key, 2, 10_000)).toEqual({ allowed: true, remaining: 0, retryAfterMs: 0 });
    });

    it('GIVEN the limit reached THEN the next use is refused with a retry delay within the window', async () => {
      const store = make();
      const key = `${prefix()}b`;
      await store.hit(key, 1, 10_000);
      const refused = await store.hit(key, 1, 10_000);
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterMs).toBeGreaterThan(0);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(10_000);
    });

    it('GIVEN the window passed THEN uses are allowed again', async () => {
      const store = make();
      const key = `${prefix()}c`;
      await store.hit(key, 1, 50);
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect((await store.hit(key, 1, 50)).allowed).toBe(true);
    });

    it('GIVEN different keys THEN they are counted apart', async () => {
      const store = make();
      await store.hit(`${prefix()}d1`, 1, 10_000);
      expect((await store.hit(`${prefix()}d2`, 1, 10_000)).allowed).toBe(true);
    });
  });
}

const runId = `${process.pid}-${Date.now()}`;
rateLimitStoreContract(
  'in-process',
  () => new MemoryRateLimitStore(),
  () => `mem-${runId}-`,
);

const redisUrl = process.env['TEST_REDIS_URL'];
describe.skipIf(redisUrl === undefined)('with Redis', () => {
  const redis = new Redis(redisUrl ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
  afterAll(async () => {
    const keys = await redis.keys(`test-rl-${runId}-*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });
  rateLimitStoreContract(
    'Redis',
    () => new RedisRateLimitStore(redis, 'test-rl-'),
    () => `${runId}-`,
  );
});

describe('rate-limit middleware', () => {
  it('GIVEN a per-user limit THEN the user is told how long to wait', async () => {
    const { dispatcher } = harness({ limits: { perUser: { uses: 1, windowMs: 60_000 } } });
    await dispatcher.dispatch(fakeInvocation({ rawOptions: { query: 'a' } }));
    const second = fakeInvocation({ rawOptions: { query: 'b' } });
    await dispatcher.dispatch(second);
    expect(JSON.stringify(second.sent)).toMatch(/try again in 60 s/);
  });

  it('GIVEN a per-guild limit THEN another user of the same guild is limited too', async () => {
    const { dispatcher } = harness({ limits: { perGuild: { uses: 1, windowMs: 60_000 } } });
    await dispatcher.dispatch(fakeInvocation({ rawOptions: { query: 'a' }, userId: '1' }));
    const other = fakeInvocation({ rawOptions: { query: 'b' }, userId: '2' });
    await dispatcher.dispatch(other);
    expect(JSON.stringify(other.sent)).toContain('RATE_LIMITED');
  });

  it('GIVEN a command cooldown of 2 uses THEN the third use is refused for that user only', async () => {
    const { dispatcher } = harness();
    const run = async (userId: string): Promise<string> => {
      const invocation = fakeInvocation({ commandName: 'volume', rawOptions: { percent: 10 }, userId });
      await dispatcher.dispatch(invocation);
      return JSON.stringify(invocation.sent);
    };
    await run('1');
    await run('1');
    expect(await run('1')).toContain('RATE_LIMITED');
    expect(await run('2')).toContain('volume 10');
  });
});
