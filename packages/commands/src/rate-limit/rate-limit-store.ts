/** The outcome of counting one use against a limit. */
export interface RateLimitDecision {
  readonly allowed: boolean;
  /** Uses left in the current window after this one. */
  readonly remaining: number;
  /** When `allowed` is false: how long until a use would be allowed again. */
  readonly retryAfterMs: number;
}

/**
 * Counts uses per key in fixed windows. Two implementations pass one contract suite: in-process for a
 * single node, Redis for several gateway processes sharing limits.
 */
export interface RateLimitStore {
  /** Counts one use of `key`; refused uses are not counted. */
  hit(key: string, limit: number, windowMs: number): Promise<RateLimitDecision>;
}
