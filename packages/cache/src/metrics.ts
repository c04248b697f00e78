import { Counter, type Registry } from 'prom-client';

/** Cache metrics, labelled by cache name. Created once per registry, shared by every cache on it. */
export interface CacheMetrics {
  readonly hits: Counter<'cache' | 'tier'>;
  readonly misses: Counter<'cache'>;
  readonly evictions: Counter<'cache'>;
  readonly loads: Counter<'cache' | 'outcome'>;
  readonly errors: Counter<'cache' | 'operation'>;
}

const cache = new WeakMap<Registry, CacheMetrics>();

/** The cache metrics on `registry`, created on first use. */
export function cacheMetrics(registry: Registry): CacheMetrics {
  const existing = cache.get(registry);
  if (existing !== undefined) return existing;
  const registers = [registry];
  const metrics: CacheMetrics = {
    hits: new Counter({
      name: 'cache_hits_total',
      help: 'Lookups answered from a tier (memory or remote), including remembered absences.',
      labelNames: ['cache', 'tier'],
      registers,
    }),
    misses: new Counter({
      name: 'cache_misses_total',
      help: 'Lookups answered by neither tier.',
      labelNames: ['cache'],
      registers,
    }),
    evictions: new Counter({
      name: 'cache_evictions_total',
      help: 'Entries pushed out of memory by the size limit.',
      labelNames: ['cache'],
      registers,
    }),
    loads: new Counter({
      name: 'cache_loads_total',
      help: 'Loader calls, by outcome (value, absent, error).',
      labelNames: ['cache', 'outcome'],
      registers,
    }),
    errors: new Counter({
      name: 'cache_errors_total',
      help: 'Failed operations on the remote tier (the cache carries on without it).',
      labelNames: ['cache', 'operation'],
      registers,
    }),
  };
  cache.set(registry, metrics);
  return metrics;
}
