import { Redis } from 'ioredis';
import { MapRemoteCacheStore, RedisRemoteCacheStore } from '../src/index.js';
import { deleteByPrefix, uniquePrefix } from './support/fixtures.js';
import { remoteStoreContract } from './support/remote-store-contract.js';

const redisUrl = process.env.TEST_REDIS_URL;

remoteStoreContract('in-process map', () => {
  const store = new MapRemoteCacheStore();
  return { store, dispose: () => store.close() };
});

remoteStoreContract(
  'redis',
  () => {
    const redis = new Redis(redisUrl ?? '', { lazyConnect: true });
    const prefix = uniquePrefix('remote-cache-store');
    const store = new RedisRemoteCacheStore(redis, prefix);
    return {
      store,
      async dispose() {
        await store.close();
        await deleteByPrefix(redis, prefix);
        redis.disconnect();
      },
    };
  },
  redisUrl === undefined,
);
