import { randomUUID } from 'node:crypto';
import type { Logger } from '@discord-bot/logger';
import { LRUCache } from 'lru-cache';
import type { Registry } from 'prom-client';
import { DefaultTieredCacheOptions, type TieredCacheTuning } from './constants.js';
import { cacheMetrics, type CacheMetrics } from './metrics.js';
import type { RemoteCacheStore, StopListening } from './remote-cache-store.js';

/** Turns values into the strings the remote tier stores. JSON unless told otherwise. */
export interface CacheCodec<V> {
  encode(value: V): string;
  decode(text: string): V;
}

/** Options of a {@link TieredCache}. */
export interface TieredCacheOptions<V> extends Partial<TieredCacheTuning> {
  /** Names the cache in metrics and logs (`guild-settings`). Also namespaces its remote keys. */
  readonly name: string;
  readonly registry: Registry;
  readonly logger: Logger;
  /** The shared tier; without one the cache lives in process memory only. */
  readonly remote?: RemoteCacheStore;
  /** Close the remote store with the cache (when the cache created it). */
  readonly ownsRemote?: boolean;
  readonly codec?: CacheCodec<V>;
  /** Clock in ms, for tests. */
  readonly now?: () => number;
}

/** Produces the value of a key on a miss; `undefined` means "there is none" and is remembered negatively. */
export type Loader<V> = () => Promise<V | undefined>;

type Slot<V> = { readonly found: true; readonly value: V } | { readonly found: false };

const ABSENT = { found: false } as const;
const VALUE_TAG = 'v';
const ABSENT_TAG = 'n';

function jsonCodec<V>(): CacheCodec<V> {
  return { encode: (value) => JSON.stringify(value), decode: (text) => JSON.parse(text) as V };
}

/**
 * A read-through cache in two tiers: an LRU with TTL in process memory, in front of a shared store (Redis),
 * in front of a loader (the database). Concurrent misses of one key call the loader once; a loader that
 * finds nothing is remembered for `negativeTtlMs`. The remote tier is best effort: when it fails the cache
 * counts the error and carries on with memory and the loader.
 *
 * @example
 * const settings = new TieredCache<GuildSettings>({ name: 'guild-settings', registry, logger, remote });
 * await settings.start();
 * const value = await settings.getOrLoad(guildId, () => repository.find(guildId));
 * await settings.writeThrough(guildId, next, (value) => repository.save(value));
 */
export class TieredCache<V> {
  readonly #name: string;
  readonly #tuning: Required<TieredCacheTuning>;
  readonly #logger: Logger;
  readonly #metrics: CacheMetrics;
  readonly #remote: RemoteCacheStore | undefined;
  readonly #ownsRemote: boolean;
  readonly #codec: CacheCodec<V>;
  readonly #memory: LRUCache<string, Slot<V>>;
  readonly #inflight = new Map<string, Promise<V | undefined>>();
  /** Identifies this process's announcements, so it does not drop what it just wrote. */
  readonly #origin = randomUUID();
  /** Bumped by every write, so a load that raced a write does not store a stale value. */
  #writes = 0;
  #stopListening: StopListening | undefined;

  public constructor(options: TieredCacheOptions<V>) {
    this.#name = options.name;
    this.#tuning = {
      memoryMaxEntries: options.memoryMaxEntries ?? DefaultTieredCacheOptions.memoryMaxEntries,
      memoryTtlMs: options.memoryTtlMs ?? DefaultTieredCacheOptions.memoryTtlMs,
      remoteTtlMs: options.remoteTtlMs ?? DefaultTieredCacheOptions.remoteTtlMs,
      negativeTtlMs: options.negativeTtlMs ?? DefaultTieredCacheOptions.negativeTtlMs,
    };
    this.#logger = options.logger;
    this.#metrics = cacheMetrics(options.registry);
    this.#remote = options.remote;
    this.#ownsRemote = options.ownsRemote ?? false;
    this.#codec = options.codec ?? jsonCodec<V>();
    const now = options.now;
    this.#memory = new LRUCache<string, Slot<V>>({
      max: this.#tuning.memoryMaxEntries,
      ttl: this.#tuning.memoryTtlMs,
      // A custom clock must be read on every check, not cached for lru-cache's default 1 ms resolution.
      ...(now === undefined ? {} : { perf: { now }, ttlResolution: 0 }),
      dispose: (_value, _key, reason) => {
        if (reason === 'evict') this.#metrics.evictions.inc({ cache: this.#name });
      },
    });
  }

  /** Starts listening for other processes' writes (no-op without a remote tier). */
  public async start(): Promise<void> {
    if (this.#remote === undefined || this.#stopListening !== undefined) return;
    this.#stopListening = await this.#remote.listen((key, origin) => {
      if (origin === this.#origin || !key.startsWith(this.#keyPrefix)) return;
      this.#memory.delete(key.slice(this.#keyPrefix.length));
    });
  }

  /** The cached value of `key`, from memory or the remote tier, without loading. */
  public async get(key: string): Promise<V | undefined> {
    const slot = await this.#lookup(key);
    if (slot === undefined) this.#metrics.misses.inc({ cache: this.#name });
    return slot?.found === true ? slot.value : undefined;
  }

  /**
   * Cache-aside read: the cached value, else the loader's (stored in both tiers). Concurrent calls for one key
   * share a single load.
   */
  public getOrLoad(key: string, loader: Loader<V>): Promise<V | undefined> {
    const slot = this.#memory.get(key);
    if (slot !== undefined) {
      this.#metrics.hits.inc({ cache: this.#name, tier: 'memory' });
      return Promise.resolve(slot.found ? slot.value : undefined);
    }
    const running = this.#inflight.get(key);
    if (running !== undefined) {
      this.#metrics.hits.inc({ cache: this.#name, tier: 'shared-load' });
      return running;
    }
    const load = this.#missPath(key, loader).finally(() => this.#inflight.delete(key));
    this.#inflight.set(key, load);
    return load;
  }

  /** Stores `value` in both tiers and tells other processes to drop their copy. */
  public async set(key: string, value: V): Promise<void> {
    this.#writes += 1;
    this.#memory.set(key, { found: true, value });
    await this.#remoteWrite(key, VALUE_TAG + this.#codec.encode(value), this.#tuning.remoteTtlMs);
  }

  /**
   * Write-through: persists `value` first (the source of truth), then caches it. When persisting fails the
   * key is dropped from the cache and the error rethrown, so the cache never holds what was not saved.
   */
  public async writeThrough(key: string, value: V, persist: (value: V) => Promise<void>): Promise<void> {
    try {
      await persist(value);
    } catch (error) {
      await this.delete(key);
      throw error;
    }
    await this.set(key, value);
  }

  /** Drops `key` from both tiers and from other processes' memory. */
  public async delete(key: string): Promise<void> {
    this.#writes += 1;
    this.#memory.delete(key);
    const remote = this.#remote;
    if (remote === undefined) return;
    await this.#guard('delete', async () => {
      await remote.delete(this.#keyPrefix + key);
      await remote.announce(this.#keyPrefix + key, this.#origin);
    });
  }

  /** Stops listening and empties memory; closes the remote store only when the cache owns it. */
  public async close(): Promise<void> {
    await this.#stopListening?.();
    this.#stopListening = undefined;
    this.#memory.clear();
    if (this.#ownsRemote) await this.#remote?.close();
  }

  get #keyPrefix(): string {
    return `${this.#name}:`;
  }

  async #missPath(key: string, loader: Loader<V>): Promise<V | undefined> {
    // Taken before the first await: a write from here on is newer than anything this path reads.
    const writesBefore = this.#writes;
    const cached = await this.#lookupRemote(key, writesBefore);
    if (cached !== undefined) return cached.found ? cached.value : undefined;
    this.#metrics.misses.inc({ cache: this.#name });
    let value: V | undefined;
    try {
      value = await loader();
    } catch (error) {
      this.#metrics.loads.inc({ cache: this.#name, outcome: 'error' });
      throw error;
    }
    this.#metrics.loads.inc({ cache: this.#name, outcome: value === undefined ? 'absent' : 'value' });
    if (this.#writes !== writesBefore) return value; // written meanwhile: the write is newer than this load
    if (value === undefined) {
      this.#memory.set(key, ABSENT, { ttl: Math.min(this.#tuning.negativeTtlMs, this.#tuning.memoryTtlMs) });
      await this.#remoteWrite(key, ABSENT_TAG, this.#tuning.negativeTtlMs, false);
    } else {
      this.#memory.set(key, { found: true, value });
      await this.#remoteWrite(key, VALUE_TAG + this.#codec.encode(value), this.#tuning.remoteTtlMs, false);
    }
    return value;
  }

  async #lookup(key: string): Promise<Slot<V> | undefined> {
    const slot = this.#memory.get(key);
    if (slot !== undefined) {
      this.#metrics.hits.inc({ cache: this.#name, tier: 'memory' });
      return slot;
    }
    return this.#lookupRemote(key, this.#writes);
  }

  async #lookupRemote(key: string, writesBefore: number): Promise<Slot<V> | undefined> {
    const remote = this.#remote;
    if (remote === undefined) return undefined;
    const text = await this.#guard('get', () => remote.get(this.#keyPrefix + key));
    if (text === undefined) return undefined;
    let slot: Slot<V>;
    try {
      slot = text.startsWith(VALUE_TAG) ? { found: true, value: this.#codec.decode(text.slice(1)) } : ABSENT;
    } catch (error) {
      this.#metrics.errors.inc({ cache: this.#name, operation: 'decode' });
      this.#logger.warn({ err: error, cache: this.#name }, 'dropped an undecodable cache entry');
      return undefined;
    }
    this.#metrics.hits.inc({ cache: this.#name, tier: 'remote' });
    const ttl = slot.found
      ? this.#tuning.memoryTtlMs
      : Math.min(this.#tuning.negativeTtlMs, this.#tuning.memoryTtlMs);
    if (this.#writes === writesBefore) this.#memory.set(key, slot, { ttl });
    return slot;
  }

  /** Writes one entry remotely; `announce` tells other processes to drop their copy (not needed for a fill). */
  async #remoteWrite(key: string, text: string, ttlMs: number, announce = true): Promise<void> {
    const remote = this.#remote;
    if (remote === undefined) return;
    await this.#guard('set', async () => {
      await remote.set(this.#keyPrefix + key, text, ttlMs);
      if (announce) await remote.announce(this.#keyPrefix + key, this.#origin);
    });
  }

  async #guard<T>(operation: string, action: () => Promise<T>): Promise<T | undefined> {
    try {
      return await action();
    } catch (error) {
      this.#metrics.errors.inc({ cache: this.#name, operation });
      this.#logger.warn(
        { err: error, cache: this.#name, operation },
        'remote cache tier failed; carrying on',
      );
      return undefined;
    }
  }
}
