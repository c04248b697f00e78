import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitHeaders } from '../../src/rest/rate-limiter.js';

describe('RateLimiter', () => {
  it('GIVEN a bucket of 2 per second THEN the third request is refused until the window resets', () => {
    let now = 10_000;
    const limiter = new RateLimiter(50, () => now);
    const spec = { limit: 2, windowMs: 1_000 };
    expect(limiter.take('POST /x', 'bot:1', spec)).toMatchObject({ allowed: true, remaining: 1 });
    expect(limiter.take('POST /x', 'bot:1', spec)).toMatchObject({ allowed: true, remaining: 0 });
    now += 400;
    expect(limiter.take('POST /x', 'bot:1', spec)).toMatchObject({ allowed: false, retryAfterMs: 600 });
    expect(limiter.take('POST /x', 'bot:2', spec).allowed).toBe(true);
    now += 600;
    expect(limiter.take('POST /x', 'bot:1', spec)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('THEN the same route shares one bucket hash across major parameters and headers describe it', () => {
    const limiter = new RateLimiter(50, () => 5_000);
    const a = limiter.take('GET /c', 'bot:1', { limit: 5, windowMs: 2_000 });
    const b = limiter.take('GET /c', 'bot:2', { limit: 5, windowMs: 2_000 });
    expect(a.hash).toBe(b.hash);
    expect(rateLimitHeaders(a, 5_000)).toEqual({
      'x-ratelimit-limit': '5',
      'x-ratelimit-remaining': '4',
      'x-ratelimit-reset': '7.000',
      'x-ratelimit-reset-after': '2.000',
      'x-ratelimit-bucket': a.hash,
    });
  });

  it('GIVEN the global budget of 3 per second THEN the fourth request waits for the next second', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3].map(() => limiter.takeGlobal('bot'))).toEqual([0, 0, 0]);
    now = 250;
    expect(limiter.takeGlobal('bot')).toBe(750);
    now = 1_000;
    expect(limiter.takeGlobal('bot')).toBe(0);
  });
});
