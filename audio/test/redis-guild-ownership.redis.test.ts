import { createSilentLogger } from '@discord-bot/logger';
import { createRedisClient } from '@discord-bot/messaging';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisGuildOwnership } from '../src/ownership/redis-guild-ownership.js';

const url = process.env['TEST_REDIS_URL'];
const prefix = `ownership-test-${process.pid}-${Date.now()}:`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(url === undefined)('RedisGuildOwnership', () => {
  const replicas: RedisGuildOwnership[] = [];
  const lost: string[] = [];
  const wanted = new Set<string>(['g1', 'g2']);
  function replica(id: string, leaseMs = 400): RedisGuildOwnership {
    const ownership = new RedisGuildOwnership({
      redis: createRedisClient(url ?? ''),
      replicaId: id,
      leaseMs,
      renewEveryMs: 100,
      logger: createSilentLogger(),
      onLost: (guildId) => void lost.push(`${id}:${guildId}`),
      wants: (guildId) => wanted.has(guildId),
      keyPrefix: prefix,
    });
    replicas.push(ownership);
    return ownership;
  }
  afterAll(async () => {
    await Promise.all(replicas.map((r) => r.close().catch(() => undefined)));
  });

  it('GIVEN two replicas THEN one claims a guild, the other cannot, and both see the owner', async () => {
    const a = replica('a');
    const b = replica('b');
    expect(await a.claim('g1')).toBe(true);
    expect(await a.claim('g1')).toBe(true);
    expect(await b.claim('g1')).toBe(false);
    expect(await b.owner('g1')).toBe('a');
  });

  it('GIVEN the owner keeps renewing THEN the lease outlives its time to live', async () => {
    const a = replica('a2');
    expect(await a.claim('g2')).toBe(true);
    await sleep(900);
    expect(await a.owner('g2')).toBe('a2');
  });

  it('GIVEN the owner stops renewing (dies) THEN the lease expires and another replica takes the guild', async () => {
    const dead = new RedisGuildOwnership({
      redis: createRedisClient(url ?? ''),
      replicaId: 'dead',
      leaseMs: 300,
      renewEveryMs: 60_000,
      logger: createSilentLogger(),
      onLost: () => undefined,
      wants: () => true,
      keyPrefix: prefix,
    });
    expect(await dead.claim('g3')).toBe(true);
    const heir = replica('heir');
    expect(await heir.claim('g3')).toBe(false);
    await sleep(450);
    expect(await heir.claim('g3')).toBe(true);
    await dead.close();
    // The dead replica's close must not free a lease it no longer holds.
    expect(await heir.owner('g3')).toBe('heir');
  });

  it('GIVEN a guild the replica no longer drives THEN its lease is released at the next renewal', async () => {
    const a = replica('a4');
    wanted.add('g4');
    expect(await a.claim('g4')).toBe(true);
    wanted.delete('g4');
    await sleep(300);
    expect(await a.owner('g4')).toBeNull();
  });

  it('GIVEN replicas THEN each is alive while it renews, and not once it stops (dies) or closes', async () => {
    const living = replica('living');
    const dying = new RedisGuildOwnership({
      redis: createRedisClient(url ?? ''),
      replicaId: 'dying',
      leaseMs: 300,
      renewEveryMs: 60_000,
      logger: createSilentLogger(),
      onLost: () => undefined,
      wants: () => true,
      keyPrefix: prefix,
    });
    const observer = replica('observer');
    await expect.poll(() => observer.alive('dying')).toBe(true);
    expect(await observer.alive('living')).toBe(true);
    expect(await observer.alive('never-started')).toBe(false);
    await sleep(700);
    expect(await observer.alive('living')).toBe(true);
    expect(await observer.alive('dying')).toBe(false);
    await living.close();
    expect(await observer.alive('living')).toBe(false);
    await dying.close();
  });

  it('GIVEN a replica that stalled past its lease THEN it learns at its next renewal that the guild is lost', async () => {
    const stalled = new RedisGuildOwnership({
      redis: createRedisClient(url ?? ''),
      replicaId: 'stalled',
      leaseMs: 200,
      renewEveryMs: 500,
      logger: createSilentLogger(),
      onLost: (guildId) => void lost.push(`stalled:${guildId}`),
      wants: () => true,
      keyPrefix: prefix,
    });
    replicas.push(stalled);
    expect(await stalled.claim('g5')).toBe(true);
    await sleep(250);
    expect(await replica('thief').claim('g5')).toBe(true);
    await sleep(400);
    expect(lost).toContain('stalled:g5');
  });
});
