import { ok } from '@discord-bot/errors';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { MemoryRateLimitStore } from '@discord-bot/commands';
import { MemoryFingerprintStore, createDiscordClient, wireGateway } from '@discord-bot/gateway';
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
const GAP_MS = 25;

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

/** Invokes `/pause` `count` times, spaced, and returns the simulator's acknowledgement times. */
async function measure(f: Fixture, count: number): Promise<number[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const userId = f.users[i % f.users.length] ?? '';
    ids.push(
      f.sim.invokeCommand({ userId, guildId: f.guildId, channelId: f.channelId, command: 'pause' }).id,
    );
    await sleep(GAP_MS);
  }
  await sleep(1_000);
  return ids.map((id) => {
    const view = f.sim.interaction(id);
    if (view.ackMs === null || view.ackMs === undefined)
      throw new Error(`interaction ${id} not acknowledged`);
    return view.ackMs;
  });
}

/**
 * Interaction acknowledgement: our gateway (pipeline, bus to a fake audio service that answers at once)
 * vs a bare discord.js bot that defers at once; each against its own simulator, `/pause` from users in voice.
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
  const unwire = await wireGateway({
    client,
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

  // Warm both up, then alternate blocks so machine noise hits both alike.
  await measure(base, 20);
  await measure(ours, 20);
  const baseline: number[] = [];
  const measured: number[] = [];
  const block = Math.max(1, Math.floor(count / 4));
  for (let done = 0; done < count; done += block) {
    baseline.push(...(await measure(base, block)));
    measured.push(...(await measure(ours, block)));
  }

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
    `interaction ack (ms, n=${o.n} each):`,
    `  bare discord.js deferring at once: p50 ${b.p50}  p99 ${b.p99}`,
    `  our gateway:                       p50 ${o.p50}  p99 ${o.p99}   p99 ratio ${ratio(o.p99, b.p99)} (target <= 2)`,
  ].join('\n');
}
