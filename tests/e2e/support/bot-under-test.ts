import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { startToneServer, type ToneServer } from '@discord-bot/single-node/sandbox-kit';
import { closedPort, spawnEntry, tsxEntry, type SpawnedEntry } from '../../support/spawn-entry.js';
import { freshDatabase, freshRedis, type FreshDatabase } from './fresh-servers.js';
import { waitUntil } from './wait-until.js';

/** A token shaped like Discord's: the bot and application id is 123456789012345678. */
export const BOT_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.e2e.e2e';
export const BOT_USER_ID = '123456789012345678';
/**
 * The second track, a880, sounds at 880 Hz until this mark and at `hz` after it, so a seek past the mark is
 * heard; the suite never plays it that far by itself.
 */
export const A880_MARK = { atSeconds: 60, hz: 660 } as const;
/** Bound on start-up and command registration on a loaded 2-core machine. */
const START_TIMEOUT_MS = 90_000;

export type Mode = 'single-node' | 'distributed';

/** Resolves once the process's `/ready` answers 200 (every dependency check up). */
async function untilReady(entry: SpawnedEntry): Promise<void> {
  const url = `http://127.0.0.1:${await entry.port(START_TIMEOUT_MS)}/ready`;
  await waitUntil(
    () =>
      fetch(url).then(
        (response) => response.status,
        () => 0,
      ),
    (status) => status === 200,
    START_TIMEOUT_MS,
    `${url} ready`,
  );
}

/** The simulator, the tones, and the bot's processes. */
export interface BotUnderTest {
  readonly sim: Simulator;
  readonly tones: ToneServer;
  readonly guild: { id: string; textChannelId: string; voiceChannelId: string };
  readonly users: { alice: string; bob: string };
  readonly processes: readonly SpawnedEntry[];
  /** The process that talks to Discord. */
  readonly gateway: SpawnedEntry;
  stop(): Promise<void>;
}

/**
 * Starts the simulator (one guild, alice and bob), two tones over HTTP (440 Hz; 880 Hz then, past
 * {@link A880_MARK}, 660 Hz), and the bot: one
 * `single-node` process, or gateway, audio, api, worker and a standalone audio node over PostgreSQL and
 * Redis. Resolves once the slash commands are registered.
 */
export async function startBotUnderTest(mode: Mode): Promise<BotUnderTest> {
  const sim = await startSimulator({ caDir: process.env['DISCORD_SIM_CA_DIR'] });
  const tones = await startToneServer([
    { name: 'a440', hz: 440, seconds: 90 },
    { name: 'a880', hz: 880, seconds: 120, changes: [A880_MARK] },
  ]);
  const alice = sim.createUser({ username: 'alice' }).id;
  const guild = sim.createGuild({ name: 'E2E', ownerId: alice });
  const bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-data-'));
  const common = {
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_API_BASE: sim.restBase,
    NODE_EXTRA_CA_CERTS: sim.caPath,
    DATA_DIR: dataDir,
    DEV_GUILD_ID: guild.id,
    AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
  const processes: SpawnedEntry[] = [];
  let audioNode: SpawnedEntry | undefined;
  let database: FreshDatabase | undefined;

  if (mode === 'single-node') {
    processes.push(spawnEntry(tsxEntry('single-node/src/main.ts'), { ...common, PORT: '0' }));
  } else {
    database = await freshDatabase(process.env['TEST_DATABASE_URL'] ?? '');
    const shared = {
      ...common,
      DATABASE_URL: database.url,
      REDIS_URL: await freshRedis(process.env['TEST_REDIS_URL'] ?? ''),
    };
    const nodePort = await closedPort();
    const password = randomBytes(12).toString('hex');
    const nodes = JSON.stringify([{ id: 'e2e', url: `http://127.0.0.1:${nodePort}`, password }]);
    audioNode = spawnEntry(tsxEntry('audio-node/src/main.ts'), {
      AUDIO_NODE_PORT: String(nodePort),
      AUDIO_NODE_PASSWORD: password,
      NODE_EXTRA_CA_CERTS: sim.caPath,
      AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
      LOG_LEVEL: 'info',
    });
    processes.push(
      audioNode,
      spawnEntry(tsxEntry('worker/src/main.ts'), { ...shared, WORKER_PORT: '0' }),
      spawnEntry(tsxEntry('audio/src/main.ts'), { ...shared, AUDIO_PORT: '0', LAVALINK_NODES: nodes }),
      spawnEntry(tsxEntry('api/src/main.ts'), { ...shared, API_PORT: '0' }),
      spawnEntry(tsxEntry('gateway/src/main.ts'), { ...shared, GATEWAY_PORT: '0' }),
    );
  }
  const gateway = processes.at(-1);
  if (gateway === undefined) throw new Error('no process');

  const stop = async (): Promise<void> => {
    await Promise.allSettled(processes.reverse().map((entry) => entry.stop('SIGTERM', 30_000)));
    await tones.close();
    await sim.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await sim.waitForCommand('play', { guildId: guild.id, timeoutMs: START_TIMEOUT_MS });
    // Every service up (database migrated, audio consuming, node connected) before the first command.
    for (const entry of processes.filter((p) => p !== audioNode)) await untilReady(entry);
  } catch (error) {
    const logs = processes.map((entry) => entry.output().slice(-3_000)).join('\n---\n');
    await stop();
    throw new Error(`the bot did not register its commands: ${String(error)}\n${logs}`);
  }
  return { sim, tones, guild, users: { alice, bob }, processes, gateway, stop };
}
