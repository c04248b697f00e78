import type { RateLimitDecision, RateLimitStore } from './rate-limit-store.js';

interface Window {
  count: number;
  resetAt: number;
}

/** Expired windows are swept once this many keys exist, so memory stays bounded by active users. */
const SWEEP_THRESHOLD = 10_000;

/** In-process {@link RateLimitStore}: fixed windows in a Map. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, Window>();
  readonly #now: () => number;

  public constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  public hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision> {
    const now = this.#now();
    if (this.#windows.size >= SWEEP_THRESHOLD) this.#sweep(now);
    let window = this.#windows.get(key);
    if (window === undefined || window.resetAt <= now) {
      window = { count: 0, resetAt: now + windowMs };
      this.#windows.set(key, window);
    }
    if (window.count >= limit) {
      return Promise.resolve({ allowed: false, remaining: 0, retryAfterMs: window.resetAt - now });
    }
    window.count += 1;
    return Promise.resolve({ allowed: true, remaining: limit - window.count, retryAfterMs: 0 });
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
  }
}
