/**
 * Issue 6 scale-out across processes: two audio replicas share Redis and PostgreSQL, each guild is driven by
 * the replica holding its lease; SIGKILL one and its guilds play again from the other within 15 s.
 */
import { createRedisClient } from '@discord-bot/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpawnedEntry } from '../support/spawn-entry.js';
import {
  AUDIO_TEST_REDIS_DATABASES,
  startDistributedAudio,
  type DistributedAudio,
} from './support/distributed-audio.js';

const TAKEOVER_LIMIT_MS = 15_000;
const enabled =
  process.env['TEST_DATABASE_URL'] !== undefined &&
  process.env['TEST_REDIS_URL'] !== undefined &&
  process.env['DISCORD_SIM_CA_DIR'] !== undefined;

describe.skipIf(!enabled)('two audio replicas, one killed', () => {
  let d: DistributedAudio;
  let replicas: SpawnedEntry[];
  beforeAll(async () => {
    d = await startDistributedAudio(2, AUDIO_TEST_REDIS_DATABASES.replicas);
    replicas = [await d.spawnAudio(), await d.spawnAudio()];
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  });

  it('GIVEN guilds driven by two replicas THEN after SIGKILL of one, its guilds play again from the other within 15 s', async () => {
    for (const guild of d.guilds) {
      expect((await d.play(guild, '/440.wav')).ok).toBe(true);
      // Whichever replica reads it, the command reaches the guild's owner.
      const queued = await d.play(guild, '/660.wav');
      expect(queued.ok && queued.value.position).toBe(1);
    }
    await Promise.all(d.guilds.map((guild) => d.hear(guild, 440, 20_000)));

    const redis = createRedisClient(d.redisUrl);
    const owners = await Promise.all(d.guilds.map((guild) => redis.get(`audio:owner:${guild.id}`)));
    redis.disconnect();
    const victim = replicas.find((entry) => owners.some((owner) => owner?.includes(`-${entry.child.pid}-`)));
    expect(victim).toBeDefined();
    const orphaned = d.guilds.filter((_guild, i) => owners[i]?.includes(`-${victim?.child.pid}-`));

    const killedAt = Date.now();
    await victim?.stop('SIGKILL');
    // The victim's audio stops with it: only sound heard after that silence counts.
    await expect
      .poll(() => orphaned.every((guild) => d.sim.audio(guild.id, 300).packetsPerSecond === 0), {
        timeout: 5_000,
        interval: 50,
      })
      .toBe(true);
    await Promise.all(orphaned.map((guild) => d.hear(guild, 440, TAKEOVER_LIMIT_MS)));
    expect(Date.now() - killedAt).toBeLessThan(TAKEOVER_LIMIT_MS);
    for (const guild of orphaned) {
      const queue = await d.request(guild, 'queuePage', {});
      expect(queue.ok && queue.value.total).toBe(1);
    }
  }, 120_000);
});
