export { DefaultTieredCacheOptions, INVALIDATION_CHANNEL, type TieredCacheTuning } from './constants.js';
export type { RemoteCacheStore, StopListening } from './remote-cache-store.js';
export { MapRemoteCacheStore } from './map-remote-cache-store.js';
export { RedisRemoteCacheStore } from './redis-remote-cache-store.js';
export { TieredCache, type CacheCodec, type Loader, type TieredCacheOptions } from './tiered-cache.js';
export { createCache, type CreateCacheOptions } from './create-cache.js';
export { cacheMetrics, type CacheMetrics } from './metrics.js';
