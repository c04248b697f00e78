import { ok } from '@discord-bot/errors';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TO_AUDIO_CHANNEL,
  UI_NOW_CHANNEL,
  createEnvelope,
  createRedisClient,
  createRedisCommandBus,
  createRedisEventBus,
  createRedisStreamBus,
  type CommandBus,
  type EventBus,
} from '../src/index.js';
import { GUILD_A, USER, eventually, logger, newRegistry } from './support/fixtures.js';
import { OwnRedisServer, hasRedisServer } from './support/own-redis-server.js';

const enabled = process.env.TEST_REDIS_URL !== undefined && hasRedisServer();

describe.skipIf(!enabled)('GIVEN Redis restarts (own server, no persistence)', () => {
  const server = new OwnRedisServer();
  let template: Redis;
  let audio: CommandBus;
  let gateway: CommandBus;
  let events: EventBus;
  let streams: EventBus;
  const uiSeen: number[] = [];
  const voiceSeen: string[] = [];

  beforeAll(async () => {
    await server.start();
    template = createRedisClient(server.url);
    const tuning = { logger, registry: newRegistry(), redis: template, claimIdleMs: 1_000, blockMs: 200 };
    audio = createRedisCommandBus(tuning);
    gateway = createRedisCommandBus(tuning);
    await audio.consume((command) =>
      Promise.resolve(
        command.type === 'volume'
          ? ok({ volume: command.payload.volume, previous: 100 })
          : ok({ positionMs: 0, wasPaused: false }),
      ),
    );
    events = createRedisEventBus({ redis: template, logger, registry: newRegistry() });
    streams = createRedisStreamBus({ redis: template, logger, registry: newRegistry(), blockMs: 200 });
    await events.subscribe(UI_NOW_CHANNEL, (event) => {
      if (event.type === 'player.volume') uiSeen.push(event.payload.volume);
    });
    await streams.subscribe(TO_AUDIO_CHANNEL, (event) => void voiceSeen.push(event.id));
  });

  afterAll(async () => {
    await Promise.all([audio?.close(), gateway?.close(), events?.close(), streams?.close()]);
    template?.disconnect();
    await server.kill();
  });

  it('THEN commands, events and streams work again without any restart of the services', async () => {
    const before = await gateway.request('volume', { volume: 10 }, { guildId: GUILD_A, timeoutMs: 5_000 });
    expect(before.ok).toBe(true);

    await server.kill();
    const duringOutage = gateway.request('volume', { volume: 20 }, { guildId: GUILD_A, timeoutMs: 300 });
    expect((await duringOutage).ok).toBe(false);
    await server.start();

    // A command sent right after the restart is answered (the consumer recreated its group by itself).
    const after = await gateway.request('volume', { volume: 30 }, { guildId: GUILD_A, timeoutMs: 10_000 });
    expect(after).toEqual({ ok: true, value: { volume: 30, previous: 100 } });

    // Pub/sub resubscribed by itself: keep publishing until one arrives (messages before that may be lost).
    await eventually(() => {
      void events.publish(
        UI_NOW_CHANNEL,
        createEnvelope('player.volume', { volume: 77 }, { guildId: GUILD_A }),
      );
      return uiSeen.includes(77);
    });

    const voice = createEnvelope(
      'voice.state',
      {
        userId: USER,
        channelId: null,
        sessionId: 's',
        isBot: false,
        selfDeaf: false,
        selfMute: false,
        serverDeaf: false,
        serverMute: false,
        suppress: false,
      },
      { guildId: GUILD_A },
    );
    await streams.publish(TO_AUDIO_CHANNEL, voice);
    await eventually(() => voiceSeen.includes(voice.id));
  });
});
