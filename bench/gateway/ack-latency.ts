import { ok } from '@discord-bot/errors';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { MemoryRateLimitStore } from '@discord-bot/commands';
import {
  MemoryFingerprintStore,
  VoiceStateStore,
  createDiscordClient,
  feedVoiceStates,
  wireGateway,
} from '@discord-bot/gateway';
import { createSilentLogger } from '@discord-bot/logger';
import {
  InProcessCommandBroker,
  InProcessFanOutHub,
  createInProcessCommandBus,
  createInProcessEventBus,
} from '@discord-bot/messaging';
import { createMetricsRegistry } from '@discord-bot/observability';
import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { ratio, sleep, summary } from './stats.js';

const USERS = 60;
/** Between two interactions (one bot's, then the other's): each bot's last answer is long done by then. */
const GAP_MS = 20;
/** Interactions per bot before measuring (JIT, connection pools). */
const WARM_UP = 50;

interface Fixture {
  sim: Simulator;
  guildId: string;
  channelId: string;
  users: string[];
}

async function fixture(): Promise<Fixture> {
  const sim = await startSimulator({ limits: { identifyWindowMs: 100 } });
  const owner = sim.createUser({ username: 'owner' }).id;
  const guild = sim.createGuild({ name: 'Ack', ownerId: owner });
  const users = Array.from({ length: USERS }, (_, i) => {
    const id = sim.createUser({ username: `user${i}`, guildId: guild.id }).id;
    sim.setVoiceState({ userId: id, guildId: guild.id, channelId: guild.voiceChannelId });
    return id;
  });
  return { sim, guildId: guild.id, channelId: guild.textChannelId, users };
}

async function login(client: Client, token: string): Promise<void> {
  const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(token);
  await ready;
}

function invoke(f: Fixture, i: number): string {
  const userId = f.users[i % f.users.length] ?? '';
  return f.sim.invokeCommand({ userId, guildId: f.guildId, channelId: f.channelId, command: 'pause' }).id;
}

function ackTimes(f: Fixture, ids: readonly string[]): number[] {
  return ids.map((id) => {
    const view = f.sim.interaction(id);
    if (view.ackMs === null || view.ackMs === undefined)
      throw new Error(`interaction ${id} not acknowledged`);
    return view.ackMs;
  });
}

/**
 * Invokes `/pause` `count` times on each bot, one bot's then the other's (swapping which goes first every
 * round), spaced, and returns the simulator's acknowledgement times (sub-millisecond, its monotonic clock).
 * Interleaved one by one rather than in blocks, so a burst of load on the machine (or a garbage collection
 * in this process, which both bots share with the simulators) falls on both alike.
 */
async function measurePairs(a: Fixture, b: Fixture, count: number): Promise<[number[], number[]]> {
  const ids: [string[], string[]] = [[], []];
  for (let i = 0; i < count; i += 1) {
    for (const side of i % 2 === 0 ? [0, 1] : [1, 0]) {
      ids[side]?.push(invoke(side === 0 ? a : b, i));
      await sleep(GAP_MS);
    }
  }
  await sleep(1_000);
  return [ackTimes(a, ids[0]), ackTimes(b, ids[1])];
}

/**
 * Interaction acknowledgement: our gateway (pipeline, bus to a fake audio service that answers at once)
 * vs a bare discord.js bot that defers at once; each against its own simulator, `/pause` from users in voice.
 * The default 1,000 per bot puts the p99 on the 10th-slowest sample: with a few hundred it is the 2nd or
 * 3rd, and one pause of this process (a scavenge takes 4 to 15 ms here) decides it alone.
 */
export async function ackLatency(count: number): Promise<string> {
  // Baseline: defer at once.
  const base = await fixture();
  const bare = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: base.sim.restBase },
  });
  bare.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (interaction.isChatInputCommand()) {
      void interaction.deferReply().then(() => interaction.editReply('paused'));
    }
  });
  await login(bare, 'ack-baseline');
  await bare.application?.commands.set([{ name: 'pause', description: 'Pause' }], base.guildId);
  await base.sim.waitForCommand('pause', { guildId: base.guildId });

  // Ours: the real wiring over in-process buses.
  const ours = await fixture();
  const logger = createSilentLogger();
  const registry = createMetricsRegistry({ service: 'bench', defaultMetrics: false });
  const broker = new InProcessCommandBroker();
  const hub = new InProcessFanOutHub();
  const bus = createInProcessCommandBus({ broker, logger, registry });
  const audio = createInProcessCommandBus({ broker, logger, registry, blockMs: 50 });
  await audio.consume(() => Promise.resolve(ok({ positionMs: 1_000, wasPaused: false })));
  const events = createInProcessEventBus({ hub, logger, registry });
  const client = createDiscordClient({
    token: 'ack-ours',
    apiBase: ours.sim.restBase,
    applicationId: undefined,
    shardCount: 1,
    shardIds: undefined,
    devGuildId: ours.guildId,
  });
  const voiceStates = new VoiceStateStore();
  feedVoiceStates(client, voiceStates);
  const unwire = await wireGateway({
    client,
    voiceStates,
    logger,
    bus,
    uiEvents: events,
    toAudio: events,
    toDiscord: events,
    rateLimits: new MemoryRateLimitStore(),
    guildPolicy: { djRoleId: () => Promise.resolve(null) },
    premiumPolicy: { allows: () => Promise.resolve({ allowed: true }) },
    fingerprints: new MemoryFingerprintStore(),
    apiBase: ours.sim.restBase,
    devGuildId: ours.guildId,
  });
  await login(client, 'ack-ours');
  await ours.sim.waitForCommand('pause', { guildId: ours.guildId });

  await measurePairs(base, ours, WARM_UP);
  const [baseline, measured] = await measurePairs(base, ours, count);

  await unwire();
  await bus.close();
  await audio.close();
  await client.destroy();
  await bare.destroy();
  await base.sim.stop();
  await ours.sim.stop();

  const b = summary(baseline);
  const o = summary(measured);
  return [
    `interaction ack (ms, sub-millisecond, n=${o.n} each, interleaved):`,
    `  bare discord.js deferring at once: p50 ${b.p50}  p99 ${b.p99}`,
    `  our gateway:                       p50 ${o.p50}  p99 ${o.p99}   p99 ratio ${ratio(o.p99, b.p99)} (target <= 2)`,
  ].join('\n');
}
