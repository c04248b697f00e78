import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHANNELS,
  createEnvelope,
  createRedisClient,
  createRedisCommandBus,
  type CommandBus,
} from '../src/index.js';
import { GUILD_A, counterValue, eventually, logger, newRegistry } from './support/fixtures.js';
import { deleteByPrefix } from './support/harnesses.js';

const redisUrl = process.env.TEST_REDIS_URL;

describe.skipIf(redisUrl === undefined)(
  'GIVEN a consumer that died after answering but before acknowledging',
  () => {
    const prefix = `test:redelivery:${crypto.randomUUID().slice(0, 8)}:`;
    const stream = prefix + CHANNELS.commands;
    let redis: Redis;
    let bus: CommandBus | undefined;

    beforeAll(() => {
      redis = new Redis(redisUrl ?? '', { lazyConnect: true });
    });

    afterAll(async () => {
      await bus?.close();
      await deleteByPrefix(redis, prefix);
      redis.disconnect();
    });

    it('THEN the consumer that reclaims it replays the stored reply instead of running it again', async () => {
      // The dead consumer's footprint: an entry it read (pending in its name) and the reply it stored.
      const command = {
        ...createEnvelope('volume', { volume: 40 }, { guildId: GUILD_A }),
        deadlineAt: Date.now() + 60_000,
      };
      const storedReply = JSON.stringify({
        id: command.id,
        ok: true,
        result: { volume: 40, previous: 100 },
        repliedAt: 1,
      });
      await redis.xgroup('CREATE', stream, 'audio', '0', 'MKSTREAM');
      await redis.xadd(stream, '*', 'm', JSON.stringify(command), 'r', `${stream}:reply:nobody`);
      await redis.xreadgroup('GROUP', 'audio', 'dead-consumer', 'COUNT', 1, 'STREAMS', stream, '>');
      await redis.set(`${stream}:id:${command.id}`, `D${storedReply}`, 'PX', 60_000);

      const listener = redis.duplicate();
      const heard: string[] = [];
      listener.on('message', (_channel: string, text: string) => void heard.push(text));
      await listener.subscribe(`${stream}:reply:nobody`);

      const registry = newRegistry();
      const runs: string[] = [];
      bus = createRedisCommandBus({
        redis: createRedisClient(redisUrl ?? ''),
        prefix,
        logger,
        registry,
        claimIdleMs: 200,
        blockMs: 100,
      });
      await bus.consume((received) => {
        runs.push(received.id);
        return Promise.reject(new Error('must not run'));
      });

      await eventually(async () => (await redis.xlen(stream)) === 0);
      expect(runs).toEqual([]);
      expect(await counterValue(registry, 'messaging_redelivered_total')).toBe(1);
      const [pendingCount] = (await redis.xpending(stream, 'audio')) as [number];
      expect(pendingCount).toBe(0);
      await eventually(() => heard.includes(storedReply)); // the original sender gets its answer again
      listener.disconnect();
    });
  },
);
