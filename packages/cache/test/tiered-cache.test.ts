import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import {
  MapRemoteCacheStore,
  RedisRemoteCacheStore,
  TieredCache,
  createCache,
  type RemoteCacheStore,
  type TieredCacheOptions,
} from '../src/index.js';
import {
  counterValue,
  deleteByPrefix,
  eventually,
  fakeClock,
  logger,
  newRegistry,
  uniquePrefix,
} from './support/fixtures.js';

interface Settings {
  readonly volume: number;
}

const redisUrl = process.env.TEST_REDIS_URL;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function latch<T>(): { promise: Promise<T>; release: (value: T) => void } {
  let release!: (value: T) => void;
  const promise = new Promise<T>((resolve) => (release = resolve));
  return { promise, release };
}

async function makeCache(
  options: Partial<TieredCacheOptions<Settings>> = {},
): Promise<TieredCache<Settings>> {
  const cache = new TieredCache<Settings>({ name: 'settings', registry: newRegistry(), logger, ...options });
  await cache.start();
  cleanups.push(() => cache.close());
  return cache;
}

describe('TieredCache in memory', () => {
  it('GIVEN a miss THEN the loader runs once and later reads come from memory', async () => {
    const registry = newRegistry();
    const cache = await makeCache({ registry });
    let loads = 0;
    const loader = () => Promise.resolve({ volume: ++loads * 10 });

    expect(await cache.getOrLoad('g1', loader)).toEqual({ volume: 10 });
    expect(await cache.getOrLoad('g1', loader)).toEqual({ volume: 10 });

    expect(loads).toBe(1);
    expect(await counterValue(registry, 'cache_misses_total')).toBe(1);
    expect(await counterValue(registry, 'cache_hits_total', { tier: 'memory' })).toBe(1);
  });

  it('GIVEN concurrent misses of one key THEN the loader is called once and all get its value', async () => {
    const cache = await makeCache();
    const gate = latch<Settings>();
    let loads = 0;
    const reads = Array.from({ length: 20 }, () =>
      cache.getOrLoad('g1', () => {
        loads += 1;
        return gate.promise;
      }),
    );
    gate.release({ volume: 42 });

    expect(await Promise.all(reads)).toEqual(Array.from({ length: 20 }, () => ({ volume: 42 })));
    expect(loads).toBe(1);
  });

  it('GIVEN a failing loader THEN every waiter gets the error and nothing is cached', async () => {
    const registry = newRegistry();
    const cache = await makeCache({ registry });
    const failing = () => Promise.reject(new Error('database down'));

    const results = await Promise.allSettled([
      cache.getOrLoad('g1', failing),
      cache.getOrLoad('g1', failing),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(await cache.getOrLoad('g1', () => Promise.resolve({ volume: 1 }))).toEqual({ volume: 1 });
    expect(await counterValue(registry, 'cache_loads_total', { outcome: 'error' })).toBe(1);
  });

  it('GIVEN a loader that finds nothing THEN the absence is remembered for the negative TTL only', async () => {
    const clock = fakeClock();
    const cache = await makeCache({ now: clock.now, negativeTtlMs: 1_000, memoryTtlMs: 60_000 });
    let loads = 0;
    const nothing = () => {
      loads += 1;
      return Promise.resolve(undefined);
    };

    expect(await cache.getOrLoad('missing', nothing)).toBeUndefined();
    expect(await cache.getOrLoad('missing', nothing)).toBeUndefined();
    expect(loads).toBe(1);
    clock.advance(1_001);
    await cache.getOrLoad('missing', nothing);
    expect(loads).toBe(2);

    // A value keeps its own, longer TTL past the negative one.
    await cache.getOrLoad('present', () => Promise.resolve({ volume: 5 }));
    clock.advance(5_000);
    expect(await cache.get('present')).toEqual({ volume: 5 });
  });

  it('GIVEN a value older than the memory TTL THEN it is loaded again', async () => {
    const clock = fakeClock();
    const cache = await makeCache({ now: clock.now, memoryTtlMs: 1_000 });
    let loads = 0;
    const loader = () => Promise.resolve({ volume: ++loads });

    await cache.getOrLoad('g1', loader);
    clock.advance(1_001);
    expect(await cache.getOrLoad('g1', loader)).toEqual({ volume: 2 });
  });

  it('GIVEN more keys than memory holds THEN the least recently used is evicted and counted', async () => {
    const registry = newRegistry();
    const cache = await makeCache({ registry, memoryMaxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await cache.set(key, { volume: 1 });

    expect(await cache.get('a')).toBeUndefined();
    expect(await cache.get('c')).toEqual({ volume: 1 });
    expect(await counterValue(registry, 'cache_evictions_total')).toBe(1);
  });

  it('GIVEN a write while a load is running THEN the slower load does not overwrite it', async () => {
    const cache = await makeCache();
    const gate = latch<Settings>();
    const load = cache.getOrLoad('g1', () => gate.promise);
    await cache.set('g1', { volume: 99 });
    gate.release({ volume: 1 });
    await load;

    expect(await cache.get('g1')).toEqual({ volume: 99 });
  });

  it('GIVEN write-through THEN the value is persisted first, and a failed persist leaves nothing cached', async () => {
    const cache = await makeCache();
    const saved: Settings[] = [];
    await cache.writeThrough('g1', { volume: 70 }, (value) => Promise.resolve(void saved.push(value)));
    expect(saved).toEqual([{ volume: 70 }]);
    expect(await cache.get('g1')).toEqual({ volume: 70 });

    await expect(
      cache.writeThrough('g1', { volume: 80 }, () => Promise.reject(new Error('constraint'))),
    ).rejects.toThrow('constraint');
    expect(await cache.get('g1')).toBeUndefined();
  });

  it('GIVEN no Redis THEN createCache gives a working in-process cache', async () => {
    const cache = await createCache<Settings>({ name: 'plain', registry: newRegistry(), logger });
    cleanups.push(() => cache.close());
    expect(await cache.getOrLoad('g1', () => Promise.resolve({ volume: 3 }))).toEqual({ volume: 3 });
  });

  it('GIVEN a remote tier that fails THEN reads still come from the loader and errors are counted', async () => {
    const registry = newRegistry();
    const broken: RemoteCacheStore = {
      get: () => Promise.reject(new Error('ECONNREFUSED')),
      set: () => Promise.reject(new Error('ECONNREFUSED')),
      delete: () => Promise.reject(new Error('ECONNREFUSED')),
      announce: () => Promise.reject(new Error('ECONNREFUSED')),
      listen: () => Promise.resolve(() => Promise.resolve()),
      close: () => Promise.resolve(),
    };
    const cache = await makeCache({ registry, remote: broken });

    expect(await cache.getOrLoad('g1', () => Promise.resolve({ volume: 9 }))).toEqual({ volume: 9 });
    expect(await counterValue(registry, 'cache_errors_total')).toBeGreaterThanOrEqual(2);
  });
});

/** Two processes' caches sharing one remote tier. */
function twoTierSuite(name: string, makeRemote: () => Promise<RemoteCacheStore>, skip = false): void {
  describe.skipIf(skip)(`TieredCache over ${name}`, () => {
    it('GIVEN a value loaded by one process THEN another reads it from the remote tier without loading', async () => {
      const remote = await makeRemote();
      const registry = newRegistry();
      const first = await makeCache({ remote });
      const second = await makeCache({ remote, registry });
      await first.getOrLoad('g1', () => Promise.resolve({ volume: 11 }));

      let loads = 0;
      const value = await second.getOrLoad('g1', () => Promise.resolve({ volume: ++loads }));

      expect(value).toEqual({ volume: 11 });
      expect(loads).toBe(0);
      expect(await counterValue(registry, 'cache_hits_total', { tier: 'remote' })).toBe(1);
    });

    it('GIVEN a remembered absence THEN another process does not load either', async () => {
      const remote = await makeRemote();
      const first = await makeCache({ remote });
      const second = await makeCache({ remote });
      await first.getOrLoad('nobody', () => Promise.resolve(undefined));

      let loads = 0;
      await second.getOrLoad('nobody', () => Promise.resolve({ volume: ++loads }));
      expect(loads).toBe(0);
    });

    it('GIVEN a write in one process THEN the other drops its copy and reads the new value', async () => {
      const remote = await makeRemote();
      const first = await makeCache({ remote });
      const second = await makeCache({ remote });
      await second.getOrLoad('g1', () => Promise.resolve({ volume: 1 }));

      await first.writeThrough('g1', { volume: 2 }, () => Promise.resolve());

      await eventually(async () => (await second.get('g1'))?.volume === 2);
      await first.delete('g1');
      await eventually(async () => (await second.get('g1')) === undefined);
    });
  });
}

twoTierSuite('the in-process store', () => Promise.resolve(new MapRemoteCacheStore()));
twoTierSuite(
  'Redis',
  () => {
    const redis = new Redis(redisUrl ?? '', { lazyConnect: true });
    const prefix = uniquePrefix('tiered-cache');
    const store = new RedisRemoteCacheStore(redis, prefix);
    cleanups.push(async () => {
      await store.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    });
    return Promise.resolve(store);
  },
  redisUrl === undefined,
);
