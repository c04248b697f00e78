import { createHash } from 'node:crypto';

/** How many requests a route bucket allows per window. */
export interface BucketSpec {
  readonly limit: number;
  readonly windowMs: number;
}

/** Where a bucket stands after a request was counted (or refused). */
export interface BucketState {
  readonly allowed: boolean;
  readonly hash: string;
  readonly limit: number;
  readonly remaining: number;
  readonly resetAtMs: number;
  /** Until the window resets, when refused. */
  readonly retryAfterMs: number;
}

interface Window {
  startedAtMs: number;
  count: number;
}

const GLOBAL_WINDOW_MS = 1_000;

/** Discord's bucket id: stable per route template, shared by every major parameter value. */
export function bucketHash(routeKey: string): string {
  return createHash('md5').update(routeKey).digest('hex');
}

/**
 * Fixed-window counters as Discord applies them: one per (bot, route bucket, major parameter), plus the
 * per-bot global budget of requests per second. Refused requests are not counted.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  public constructor(
    private readonly globalPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request against the bot's global budget; the wait in ms when it is spent, else 0. */
  public takeGlobal(botKey: string): number {
    const window = this.window(`global:${botKey}`, GLOBAL_WINDOW_MS);
    if (window.count >= this.globalPerSecond) return window.startedAtMs + GLOBAL_WINDOW_MS - this.now();
    window.count += 1;
    return 0;
  }

  /** Counts one request against a route bucket. */
  public take(routeKey: string, scopeKey: string, spec: BucketSpec): BucketState {
    const hash = bucketHash(routeKey);
    const window = this.window(`${hash}:${scopeKey}`, spec.windowMs);
    const resetAtMs = window.startedAtMs + spec.windowMs;
    const allowed = window.count < spec.limit;
    if (allowed) window.count += 1;
    return {
      allowed,
      hash,
      limit: spec.limit,
      remaining: Math.max(0, spec.limit - window.count),
      resetAtMs,
      retryAfterMs: allowed ? 0 : Math.max(1, resetAtMs - this.now()),
    };
  }

  private window(key: string, windowMs: number): Window {
    const now = this.now();
    const existing = this.windows.get(key);
    if (existing !== undefined && now < existing.startedAtMs + windowMs) return existing;
    const fresh = { startedAtMs: now, count: 0 };
    this.windows.set(key, fresh);
    if (this.windows.size > 10_000) this.prune(now);
    return fresh;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) if (now - window.startedAtMs > 60_000) this.windows.delete(key);
  }
}

/** The `X-RateLimit-*` headers for a bucket state. */
export function rateLimitHeaders(state: BucketState, nowMs: number): Record<string, string> {
  const resetAfter = Math.max(0, state.resetAtMs - nowMs) / 1000;
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': (state.resetAtMs / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': state.hash,
  };
}
