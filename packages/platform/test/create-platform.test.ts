import { createSilentLogger } from '@discord-bot/logger';
import type { LavalinkNodeConfig } from '@discord-bot/config';
import { ok } from '@discord-bot/errors';
import {
  createEnvelope,
  TO_AUDIO_CHANNEL,
  type AnyCommand,
  type ToAudioMessage,
} from '@discord-bot/messaging';
import { createMetricsRegistry, ReadinessRegistry } from '@discord-bot/observability';
import { createPlatform, PlatformError, type Platform, type PlatformConfig } from '@discord-bot/platform';
import { afterEach, describe, expect, it } from 'vitest';

/** The lifecycle of a process, reduced to what the platform uses: hooks run last registered first. */
class Hooks {
  readonly names: string[] = [];
  readonly #hooks: (() => void | Promise<void>)[] = [];
  onShutdown(name: string, hook: () => void | Promise<void>): void {
    this.names.push(name);
    this.#hooks.push(hook);
  }
  async run(): Promise<void> {
    for (const hook of this.#hooks.splice(0).reverse()) await hook();
  }
}

const hooks: Hooks[] = [];
afterEach(async () => {
  for (const h of hooks.splice(0)) await h.run();
});

function platformOf(config: PlatformConfig, keyPrefix?: string) {
  const lifecycle = new Hooks();
  hooks.push(lifecycle);
  const readiness = new ReadinessRegistry();
  const platform = createPlatform({
    config,
    logger: createSilentLogger(),
    metrics: createMetricsRegistry({ service: 'platform-test' }),
    readiness,
    lifecycle,
    keyPrefix,
  });
  return { platform, readiness, lifecycle };
}

async function roundTrip(platform: Platform): Promise<void> {
  const audio = platform.commandBus();
  const gateway = platform.commandBus();
  const seen: AnyCommand[] = [];
  await audio.consume((command) => {
    seen.push(command);
    return Promise.resolve(ok({ positionMs: 1_234, wasPaused: false }));
  });
  const outcome = await gateway.request('pause', {}, { guildId: '123456789012345678', timeoutMs: 5_000 });
  expect(outcome).toEqual(ok({ positionMs: 1_234, wasPaused: false }));
  expect(seen.map((command) => command.type)).toEqual(['pause']);
  await Promise.all([audio.close(), gateway.close()]);
}

describe('createPlatform', () => {
  it('GIVEN no REDIS_URL THEN two command buses of one platform talk through its in-process broker', async () => {
    const { platform } = platformOf({ redis: { url: undefined } });
    expect(platform.redis()).toBeNull();
    await roundTrip(platform);
  });

  it('GIVEN two platforms without Redis THEN their buses do not hear each other', async () => {
    const a = platformOf({ redis: { url: undefined } }).platform;
    const b = platformOf({ redis: { url: undefined } }).platform;
    const consumer = a.commandBus();
    await consumer.consume(() => Promise.resolve(ok({ positionMs: 0, wasPaused: true })));
    const sender = b.commandBus();
    const outcome = await sender.request('pause', {}, { guildId: '123456789012345678', timeoutMs: 200 });
    expect(outcome.ok).toBe(false);
    await Promise.all([consumer.close(), sender.close()]);
  });

  it('GIVEN the fan-out buses THEN each is made once and carries messages between the services', async () => {
    const { platform } = platformOf({ redis: { url: undefined } });
    expect(platform.toAudio()).toBe(platform.toAudio());
    expect(platform.uiEvents()).toBe(platform.uiEvents());
    expect(platform.toDiscord()).not.toBe(platform.toAudio());
    const received: ToAudioMessage[] = [];
    const unsubscribe = await platform.toAudio().subscribe(TO_AUDIO_CHANNEL, (message) => {
      received.push(message);
    });
    const message = voiceServerMessage();
    await platform.toAudio().publish(TO_AUDIO_CHANNEL, message);
    await expect.poll(() => received).toEqual([message]);
    await unsubscribe();
  });

  it('GIVEN configured LAVALINK_NODES THEN audioNodes returns them and starts nothing', async () => {
    const nodes: LavalinkNodeConfig[] = [{ id: 'a', url: 'http://127.0.0.1:1', password: 'p' }];
    const { platform, lifecycle } = platformOf({ lavalink: { nodes } });
    expect(await platform.audioNodes()).toEqual(nodes);
    // Only the (empty) close step of the nodes it did not start.
    expect(lifecycle.names).toEqual(['audio node']);
    await lifecycle.run();
  });

  it('GIVEN no LAVALINK_NODES THEN the embedded node starts once, answers, and closes at shutdown', async () => {
    const { platform, lifecycle } = platformOf({ lavalink: { nodes: undefined } });
    const [first, second] = await Promise.all([platform.audioNodes(), platform.audioNodes()]);
    expect(second).toBe(first);
    const node = first[0];
    expect(node?.id).toBe('embedded');
    expect(new URL(node?.url ?? '').hostname).toBe('127.0.0.1');
    const headers = { Authorization: node?.password ?? '' };
    const info = await fetch(`${node?.url}/v4/info`, { headers });
    expect(info.status).toBe(200);
    await lifecycle.run();
    await expect(fetch(`${node?.url}/v4/info`, { headers })).rejects.toThrow();
  });

  it('GIVEN an embedded database THEN it opens once, reports readiness and closes at shutdown', async () => {
    const { platform, readiness, lifecycle } = platformOf({
      database: { url: undefined, dataDir: 'memory://' },
    });
    const [a, b] = await Promise.all([platform.database(), platform.database()]);
    expect(b).toBe(a);
    expect((await readiness.evaluate()).checks['database']?.state).toBe('up');
    await lifecycle.run();
    expect((await a.ping()).ok).toBe(false);
  });

  it('GIVEN a service config without a lavalink area THEN asking for audio nodes is a PlatformError', async () => {
    const { platform } = platformOf({});
    await expect(platform.audioNodes()).rejects.toBeInstanceOf(PlatformError);
    await expect(platform.database()).rejects.toMatchObject({ code: 'PLATFORM_AREA_MISSING' });
  });
});

describe.skipIf(!process.env['TEST_REDIS_URL'])('createPlatform with Redis', () => {
  it('GIVEN REDIS_URL THEN buses of two platforms (two processes) talk through Redis', async () => {
    const prefix = `platform-test-${process.pid}-${Date.now()}:`;
    const redis = { url: process.env['TEST_REDIS_URL'] };
    const a = platformOf({ redis }, prefix);
    const b = platformOf({ redis }, prefix);
    expect(a.platform.redis()).not.toBeNull();
    const consumer = a.platform.commandBus();
    await consumer.consume(() => Promise.resolve(ok({ positionMs: 7, wasPaused: false })));
    const sender = b.platform.commandBus();
    const outcome = await sender.request('pause', {}, { guildId: '123456789012345678', timeoutMs: 5_000 });
    expect(outcome).toEqual(ok({ positionMs: 7, wasPaused: false }));
    expect((await a.readiness.evaluate()).checks['redis']?.state).toBe('up');
    await Promise.all([consumer.close(), sender.close()]);
  });
});

function voiceServerMessage(): ToAudioMessage {
  return createEnvelope(
    'voice.server',
    { token: 'voice-token', endpoint: 'voice.example:443' },
    { guildId: '123456789012345678' },
  );
}
