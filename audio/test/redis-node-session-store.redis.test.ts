import { createSilentLogger } from '@discord-bot/logger';
import { createRedisClient } from '@discord-bot/messaging';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisNodeSessionStore } from '../src/persistence/redis-node-session-store.js';

const url = process.env['TEST_REDIS_URL'];
const prefix = `node-session-test-${process.pid}-${Date.now()}:`;
const ALIVE_MS = 400;

describe.skipIf(url === undefined)('RedisNodeSessionStore', () => {
  const stores: RedisNodeSessionStore[] = [];
  function store(replicaId: string, redis = createRedisClient(url ?? '')): RedisNodeSessionStore {
    const created = new RedisNodeSessionStore({
      redis,
      replicaId,
      resumeTimeoutMs: 10_000,
      aliveMs: ALIVE_MS,
      renewEveryMs: 100,
      logger: createSilentLogger(),
      keyPrefix: prefix,
    });
    stores.push(created);
    return created;
  }
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close().catch(() => undefined)));
  });

  it('GIVEN no earlier process THEN there is no session to resume', async () => {
    expect(await store('fresh').take('node-x')).toBeUndefined();
  });

  it('GIVEN a process that stopped THEN the next one takes its session, once', async () => {
    const first = store('first');
    await first.save('node-a', 'session-1');
    await first.close();
    const [one, two] = await Promise.all([store('second').take('node-a'), store('third').take('node-a')]);
    expect([one, two].sort()).toEqual(['session-1', undefined]);
  });

  it('GIVEN a process that died without a word THEN its session is taken once its liveness expires', async () => {
    const connection = createRedisClient(url ?? '');
    const dying = store('dying', connection);
    await dying.save('node-b', 'session-2');
    // A crash: its connection is gone, so no renewal and nothing deleted; its keys stay until they expire.
    connection.disconnect();
    const startedAt = Date.now();
    expect(await store('after-crash').take('node-b')).toBe('session-2');
    expect(Date.now() - startedAt).toBeLessThan(ALIVE_MS + 1_000);
  });

  it('GIVEN a process that is alive THEN its session is left to it', async () => {
    const alive = store('alive');
    await alive.save('node-c', 'session-3');
    expect(await store('newcomer').take('node-c')).toBeUndefined();
    const redis = createRedisClient(url ?? '');
    expect(await redis.get(`${prefix}audio:node-session:node-c:alive`)).toBe('session-3');
    redis.disconnect();
  });
});
