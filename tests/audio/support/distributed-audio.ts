/**
 * The audio service as production runs it: its own process (`audio/src/main.ts`) with PostgreSQL and Redis,
 * the embedded audio node inside it. The test process plays the gateway (a discord.js client on the simulator
 * wired to the Redis buses) and sends commands on the Redis command bus.
 */
import { createTestDatabase, type TestDatabase } from '@discord-bot/database/testing';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import {
  createRedisClient,
  UI_NOW_CHANNEL,
  type CommandBus,
  type CommandOutcome,
  type CommandPayloadInput,
  type CommandType,
  type UiNowEvent,
} from '@discord-bot/messaging';
import { createMetricsRegistry, ReadinessRegistry } from '@discord-bot/observability';
import { createPlatform } from '@discord-bot/platform';
import { startMediaServer, type MediaServer } from '../../../audio/test/support/media-server.js';
import { BOT_USER_ID, startTestGateway, type TestGateway } from '../../../audio/test/support/test-gateway.js';
import { toneWav } from '../../../audio/test/support/tone-wav.js';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { killAll, ROOT, spawnEntry, type SpawnedEntry } from '../../support/spawn-entry.js';

/**
 * `audio/src/main.ts` under node with tsx's loader in the SAME process (the `tsx` binary forks a child, and a
 * SIGKILL of the parent would leave the service running).
 */
const entryUnderTsx = (entry: string): string[] => [
  process.execPath,
  '--require',
  join(ROOT, 'node_modules/tsx/dist/preflight.cjs'),
  '--import',
  pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href,
  '--conditions=source',
  join(ROOT, entry),
];
const AUDIO_ENTRY = entryUnderTsx('audio/src/main.ts');
const AUDIO_NODE_ENTRY = entryUnderTsx('audio-node/src/main.ts');

/** A standalone audio node process (`npm run start:audio-node`), as LAVALINK_NODES lists it. */
export interface SpawnedAudioNode {
  readonly entry: SpawnedEntry;
  readonly id: string;
  readonly url: string;
  readonly password: string;
}

/**
 * Redis databases of the cross-process audio test files, one each: the services have no key prefix setting
 * (their buses and leases use fixed names), so test files running in parallel need databases of their own.
 * 13 is the end-to-end suite's.
 */
export const AUDIO_TEST_REDIS_DATABASES = {
  restart: 9,
  replicas: 10,
  resume: 11,
  nodeLoss: 12,
} as const;

export interface TestGuild {
  readonly id: string;
  readonly textChannelId: string;
  readonly voiceChannelId: string;
  readonly userId: string;
}

export interface DistributedAudio {
  /** The Redis the services share (a database of its own). */
  readonly redisUrl: string;
  readonly sim: Simulator;
  readonly media: MediaServer;
  readonly database: TestDatabase;
  readonly guilds: readonly TestGuild[];
  readonly ui: UiNowEvent[];
  readonly gateway: TestGateway;
  /**
   * Starts an audio service process (on `nodes`, else its embedded audio node); resolves once it consumes
   * commands.
   */
  spawnAudio(nodes?: readonly SpawnedAudioNode[]): Promise<SpawnedEntry>;
  /** Starts a standalone audio node process; `port` to start it again where a stopped one listened. */
  spawnNode(id: string, port?: number): Promise<SpawnedAudioNode>;
  request<T extends CommandType>(
    guild: TestGuild,
    type: T,
    payload: CommandPayloadInput<T>,
    timeoutMs?: number,
  ): Promise<CommandOutcome<T>>;
  play(guild: TestGuild, path: string, timeoutMs?: number): Promise<CommandOutcome<'play'>>;
  hear(guild: TestGuild, hz: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts the shared parts for `guildCount` guilds on the Redis database `redisDatabase` (emptied first). */
export async function startDistributedAudio(
  guildCount: number,
  redisDatabase: number,
): Promise<DistributedAudio> {
  const logger = createSilentLogger();
  const redisUrl = `${(process.env['TEST_REDIS_URL'] ?? '').replace(/\/\d*$/, '')}/${redisDatabase}`;
  const flush = createRedisClient(redisUrl);
  await flush.flushdb();
  flush.disconnect();
  const database = await createTestDatabase({ adminUrl: process.env['TEST_DATABASE_URL'] ?? '' });
  const sim = await startSimulator({ caDir: process.env['DISCORD_SIM_CA_DIR'] });
  const media = await startMediaServer({
    '/440.wav': toneWav({ seconds: 60, hz: 440 }),
    '/660.wav': toneWav({ seconds: 60, hz: 660 }),
  });
  const hooks: (() => void | Promise<void>)[] = [];
  const platform = createPlatform({
    config: { redis: { url: redisUrl } },
    logger,
    metrics: createMetricsRegistry({ service: 'distributed-test' }),
    readiness: new ReadinessRegistry(),
    lifecycle: { onShutdown: (_name, hook) => void hooks.push(hook) },
  });
  const ui: UiNowEvent[] = [];
  await platform.uiEvents().subscribe(UI_NOW_CHANNEL, (event) => void ui.push(event));
  const guilds: TestGuild[] = [];
  for (let i = 0; i < guildCount; i += 1) {
    const guild = sim.createGuild({ name: `Distributed ${i}` });
    const user = sim.createUser({ username: `listener${i}`, guildId: guild.id });
    sim.setVoiceState({ userId: user.id, guildId: guild.id, channelId: guild.voiceChannelId });
    guilds.push({ ...guild, userId: user.id });
  }
  const gateway = await startTestGateway({
    restBase: sim.restBase,
    toAudio: platform.toAudio(),
    toDiscord: platform.toDiscord(),
  });
  const sender: CommandBus = platform.commandBus();
  const processes: SpawnedEntry[] = [];

  return {
    redisUrl,
    sim,
    media,
    database,
    guilds,
    ui,
    gateway,
    async spawnAudio(nodes) {
      const lavalinkNodes =
        nodes === undefined
          ? {}
          : {
              LAVALINK_NODES: JSON.stringify(
                nodes.map((node) => ({ id: node.id, url: node.url, password: node.password })),
              ),
            };
      const entry = spawnEntry(AUDIO_ENTRY, {
        ...lavalinkNodes,
        AUDIO_PORT: '0',
        HTTP_HOST: '127.0.0.1',
        DATABASE_URL: database.url ?? '',
        REDIS_URL: redisUrl,
        DISCORD_APPLICATION_ID: BOT_USER_ID,
        AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
        LOG_LEVEL: 'info',
        NODE_EXTRA_CA_CERTS: process.env['NODE_EXTRA_CA_CERTS'] ?? '',
      });
      processes.push(entry);
      await entry.waitForLine(/"msg":"audio service consuming commands"/, 60_000);
      return entry;
    },
    async spawnNode(id, port = 0) {
      const password = randomBytes(12).toString('hex');
      const entry = spawnEntry(AUDIO_NODE_ENTRY, {
        AUDIO_NODE_HOST: '127.0.0.1',
        AUDIO_NODE_PORT: String(port),
        AUDIO_NODE_PASSWORD: password,
        AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
        LOG_LEVEL: 'info',
        // The node connects to the simulator's voice servers (TLS with the test CA).
        NODE_EXTRA_CA_CERTS: process.env['NODE_EXTRA_CA_CERTS'] ?? '',
      });
      processes.push(entry);
      const line = await entry.waitForLine(/"msg":"audio node listening"/, 60_000);
      const listening = (JSON.parse(line) as { port: number }).port;
      return { entry, id, url: `http://127.0.0.1:${listening}`, password };
    },
    request(guild, type, payload, timeoutMs = 10_000) {
      return sender.request(type, payload, { guildId: guild.id, timeoutMs });
    },
    play(guild, path, timeoutMs = 10_000) {
      return sender.request(
        'play',
        {
          query: `${media.url}${path}`,
          requester: { userId: guild.userId, displayName: 'listener' },
          voiceChannelId: guild.voiceChannelId,
          textChannelId: guild.textChannelId,
        },
        { guildId: guild.id, timeoutMs },
      );
    },
    async hear(guild, hz, timeoutMs = 10_000) {
      try {
        await sim.waitForAudio({ guildId: guild.id, hz, tolerance: 0.03, windowMs: 500, timeoutMs });
      } catch (error) {
        // The services' own account of the guild is what explains a silence; their logs die with the test.
        throw new Error(`${(error as Error).message}\n${guildLogLines(processes, guild.id)}`, {
          cause: error,
        });
      }
    },
    async close() {
      await Promise.all(
        processes
          .filter((entry) => entry.child.exitCode === null && entry.child.signalCode === null)
          .map((entry) => entry.stop('SIGKILL')),
      );
      killAll();
      await sender.close();
      await gateway.close();
      for (const hook of hooks.reverse()) await hook();
      await sim.stop();
      await media.close();
      await database.dispose();
    },
  };
}

/** How many of a guild's log lines a failed wait shows, per process (the latest ones). */
const GUILD_LOG_LINES = 40;

/** The log lines of every spawned process that mention `guildId`, newest last, labelled by pid. */
function guildLogLines(processes: readonly SpawnedEntry[], guildId: string): string {
  return processes
    .map((entry) => {
      const lines = entry
        .output()
        .split('\n')
        .filter((line) => line.includes(guildId))
        .slice(-GUILD_LOG_LINES);
      return `--- pid ${entry.child.pid ?? '?'}: ${lines.length} line(s) about guild ${guildId}\n${lines.join('\n')}`;
    })
    .join('\n');
}
