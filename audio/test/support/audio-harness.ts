/**
 * One audio service as the system runs it, minus the gateway's command side: the real service on the
 * in-process platform buses, an embedded audio node (real engine) that may fetch from a loopback media server,
 * the Discord simulator as the voice end, and a tiny discord.js gateway for voice. Tests send commands on the
 * command bus exactly as the gateway would, and listen with `sim.waitForAudio`.
 */
import { randomBytes } from 'node:crypto';
import { createAudioService, type AudioService, type AudioServiceOptions } from '@discord-bot/audio';
import { startAudioNode, type RunningAudioNode } from '@discord-bot/audio-node';
import type { Database } from '@discord-bot/database';
import { createTestDatabase, type TestDatabase } from '@discord-bot/database/testing';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import {
  UI_NOW_CHANNEL,
  type CommandBus,
  type CommandOutcome,
  type CommandPayloadInput,
  type CommandType,
  type UiNowEvent,
} from '@discord-bot/messaging';
import { createMetricsRegistry, ReadinessRegistry, type Registry } from '@discord-bot/observability';
import { createPlatform, type Platform } from '@discord-bot/platform';
import { LocalGuildOwnership } from '@discord-bot/audio';
import { startMediaServer, type MediaServer } from './media-server.js';
import { BOT_USER_ID, startTestGateway, type TestGateway } from './test-gateway.js';
import { toneWav } from './tone-wav.js';

/** Tones the media server serves: `/440.wav`... 20 s each, `/short-660.wav` 2 s. */
export const TONES = { a: 440, b: 660, c: 880 } as const;

/** Short timings so the leave rules and progress can be observed in a test. */
export const TEST_OPTIONS: Partial<AudioServiceOptions> = {
  progressIntervalMs: 500,
  aloneTimeoutMs: 1_000,
  idleTimeoutMs: 1_500,
  voiceReadyTimeoutMs: 5_000,
  nodeRetryDelayMs: 200,
  nodeRetryMaxDelayMs: 1_000,
};

export interface AudioHarness {
  readonly sim: Simulator;
  readonly guildId: string;
  readonly textChannelId: string;
  readonly voiceChannelId: string;
  readonly aliceId: string;
  readonly media: MediaServer;
  readonly db: Database;
  readonly ui: UiNowEvent[];
  readonly gateway: TestGateway;
  service: AudioService;
  /** The current service's metrics registry (what its /metrics serves); a fresh one after `restart`. */
  registry: Registry;
  node: RunningAudioNode;
  /** Every audio node the service uses (`node` is the first). */
  readonly nodes: RunningAudioNode[];
  /** Sends a command as the gateway would and waits for its outcome. */
  request<T extends CommandType>(type: T, payload: CommandPayloadInput<T>): Promise<CommandOutcome<T>>;
  /** `play` of a media path for alice, in her voice channel. */
  play(path: string, placement?: 'end' | 'next' | 'now'): Promise<CommandOutcome<'play'>>;
  /** Waits for a `track.start` published after the `ui` event count `mark` (so no earlier audio counts). */
  started(mark: number, timeoutMs?: number): Promise<void>;
  /** Waits until the simulator hears `hz` in the guild. */
  hear(hz: number, timeoutMs?: number): Promise<void>;
  /**
   * Stops the service and its node and starts fresh ones on the same database (a restart); `whileDown` runs
   * in between (what changes while no audio service listens).
   */
  restart(whileDown?: () => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

class Hooks {
  readonly #hooks: (() => void | Promise<void>)[] = [];
  onShutdown(_name: string, hook: () => void | Promise<void>): void {
    this.#hooks.push(hook);
  }
  async run(): Promise<void> {
    for (const hook of this.#hooks.splice(0).reverse()) await hook();
  }
}

const logger = createSilentLogger();

async function startNode(musicDirs: readonly string[]): Promise<RunningAudioNode> {
  return startAudioNode({
    host: '127.0.0.1',
    port: 0,
    password: randomBytes(12).toString('hex'),
    musicDirs,
    httpAllowlist: ['127.0.0.1'],
    logger,
  });
}

/** Where the service reaches a node: the node itself unless a test puts something in between. */
export type NodeAddress = (node: RunningAudioNode, index: number) => string;

function startService(
  platform: Platform,
  nodes: readonly RunningAudioNode[],
  db: Database,
  options: Partial<AudioServiceOptions>,
  nodeAddress: NodeAddress,
): { service: AudioService; registry: Registry } {
  const registry = createMetricsRegistry({ service: 'audio-test' });
  const service = createAudioService({
    nodes: nodes.map((node, i) => ({ id: `node-${i}`, url: nodeAddress(node, i), password: node.password })),
    botUserId: BOT_USER_ID,
    database: Promise.resolve(db),
    commandBus: platform.commandBus(),
    uiEvents: platform.uiEvents(),
    toAudio: platform.toAudio(),
    toDiscord: platform.toDiscord(),
    ownership: () => new LocalGuildOwnership(),
    logger,
    registry,
    options,
  });
  return { service, registry };
}

/**
 * Starts everything; alice sits in the guild's voice channel. The nodes search `musicDirs` for `local:`;
 * `nodeAddress` may route the service to a node through something else (a relay that fails on demand).
 */
export async function startAudioHarness(
  options: Partial<AudioServiceOptions> = TEST_OPTIONS,
  nodeCount = 1,
  musicDirs: readonly string[] = [],
  nodeAddress: NodeAddress = (node) => node.url,
): Promise<AudioHarness> {
  const hooks = new Hooks();
  const sim = await startSimulator({ caDir: process.env['DISCORD_SIM_CA_DIR'] });
  hooks.onShutdown('sim', () => sim.stop());
  const media = await startMediaServer({
    '/440.wav': toneWav({ seconds: 20, hz: TONES.a }),
    '/660.wav': toneWav({ seconds: 20, hz: TONES.b }),
    '/880.wav': toneWav({ seconds: 20, hz: TONES.c }),
    '/short-660.wav': toneWav({ seconds: 2, hz: TONES.b }),
    '/long-880.wav': toneWav({ seconds: 120, hz: TONES.c }),
  });
  hooks.onShutdown('media', () => media.close());
  const testDb: TestDatabase = await createTestDatabase({ logger });
  hooks.onShutdown('database', () => testDb.dispose());
  const platform = createPlatform({
    config: { redis: { url: undefined } },
    logger,
    metrics: createMetricsRegistry({ service: 'audio-test-platform' }),
    readiness: new ReadinessRegistry(),
    lifecycle: hooks,
  });
  const ui: UiNowEvent[] = [];
  await platform.uiEvents().subscribe(UI_NOW_CHANNEL, (event) => void ui.push(event));
  const guild = sim.createGuild({ name: 'Audio Tests' });
  const alice = sim.createUser({ username: 'alice', guildId: guild.id });
  const gateway = await startTestGateway({
    restBase: sim.restBase,
    toAudio: platform.toAudio(),
    toDiscord: platform.toDiscord(),
  });
  hooks.onShutdown('gateway', () => gateway.close());
  sim.setVoiceState({ userId: alice.id, guildId: guild.id, channelId: guild.voiceChannelId });
  const sender: CommandBus = platform.commandBus();
  hooks.onShutdown('sender', () => sender.close());

  const harness: AudioHarness = {
    sim,
    guildId: guild.id,
    textChannelId: guild.textChannelId,
    voiceChannelId: guild.voiceChannelId,
    aliceId: alice.id,
    media,
    db: testDb.db,
    ui,
    gateway,
    node: undefined as unknown as RunningAudioNode,
    nodes: [],
    service: undefined as unknown as AudioService,
    registry: undefined as unknown as Registry,
    request(type, payload) {
      return sender.request(type, payload, { guildId: guild.id, timeoutMs: 10_000 });
    },
    play(path, placement = 'end') {
      return harness.request('play', {
        query: `${media.url}${path}`,
        requester: { userId: alice.id, displayName: 'alice' },
        placement,
        voiceChannelId: guild.voiceChannelId,
        textChannelId: guild.textChannelId,
      });
    },
    async started(mark, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!ui.slice(mark).some((event) => event.type === 'track.start')) {
        if (Date.now() > deadline) throw new Error('no track started');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async hear(hz, timeoutMs = 10_000) {
      await sim.waitForAudio({ guildId: guild.id, hz, tolerance: 0.03, windowMs: 500, timeoutMs });
    },
    async restart(whileDown) {
      await harness.service.stop();
      await harness.node.close();
      await whileDown?.();
      harness.node = await startNode(musicDirs);
      harness.nodes.splice(0, 1, harness.node);
      ({ service: harness.service, registry: harness.registry } = startService(
        platform,
        harness.nodes,
        testDb.db,
        options,
        nodeAddress,
      ));
      await harness.service.start();
    },
    async close() {
      await harness.service.stop().catch(() => undefined);
      await Promise.all(harness.nodes.map((node) => node.close()));
      await hooks.run();
    },
  };
  for (let i = 0; i < nodeCount; i += 1) harness.nodes.push(await startNode(musicDirs));
  harness.node = harness.nodes[0] as RunningAudioNode;
  ({ service: harness.service, registry: harness.registry } = startService(
    platform,
    harness.nodes,
    testDb.db,
    options,
    nodeAddress,
  ));
  await harness.service.start();
  return harness;
}
