/** Tunables of a {@link TieredCache}. */
export interface TieredCacheTuning {
  /** Entries kept in process memory (least recently used go first). */
  readonly memoryMaxEntries: number;
  /** How long a value stays in process memory: short, as other processes may change it. */
  readonly memoryTtlMs: number;
  /** How long a value stays in the shared store (Redis). */
  readonly remoteTtlMs: number;
  /** How long "the loader found nothing" is remembered, in both tiers. */
  readonly negativeTtlMs: number;
}

export const DefaultTieredCacheOptions = {
  memoryMaxEntries: 10_000,
  memoryTtlMs: 30_000,
  remoteTtlMs: 5 * 60_000,
  negativeTtlMs: 30_000,
} as const satisfies Required<TieredCacheTuning>;

/** Pub/sub channel on which Redis stores announce invalidated keys (after the key prefix). */
export const INVALIDATION_CHANNEL = 'cache:invalidate';
