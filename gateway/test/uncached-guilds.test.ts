import { ok } from '@discord-bot/errors';
import { MemoryRateLimitStore } from '@discord-bot/commands';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import {
  InProcessCommandBroker,
  InProcessFanOutHub,
  TO_DISCORD_CHANNEL,
  createEnvelope,
  createInProcessCommandBus,
  createInProcessEventBus,
} from '@discord-bot/messaging';
import { createMetricsRegistry } from '@discord-bot/observability';
import { Events, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoiceStateStore } from '../src/domain/services/voice-state-store.js';
import { createDiscordClient } from '../src/infrastructure/discord/create-discord-client.js';
import { feedVoiceStates } from '../src/infrastructure/discord/voice-state-feed.js';
import { MemoryFingerprintStore } from '../src/infrastructure/persistence/fingerprint-store.js';
import { wireGateway } from '../src/wire-gateway.js';

/** A Discord-shaped bot token: its first segment is base64 of the bot user id. */
const BOT_USER_ID = '323456789012345678';
const BOT_TOKEN = `${Buffer.from(BOT_USER_ID).toString('base64')}.uncached.sim`;
const WAIT_MS = 10_000;

/**
 * The gateway's real client (no guild, channel or member caches) and wiring against the simulator: the
 * voice-state store answers every question discord.js's caches used to, and those caches stay empty.
 */
describe('the gateway without discord.js guild caches', () => {
  let sim: Simulator;
  let client: Client;
  let voiceStates: VoiceStateStore;
  let unwire: () => Promise<void>;
  let closeBuses: () => Promise<void>;
  let events: ReturnType<typeof createInProcessEventBus>;
  let guild: ReturnType<Simulator['createGuild']>;
  let otherVoiceId: string;
  const users: Record<'alice' | 'bob' | 'carol' | 'dave', string> = {
    alice: '',
    bob: '',
    carol: '',
    dave: '',
  };

  beforeAll(async () => {
    sim = await startSimulator({
      caDir: process.env['DISCORD_SIM_CA_DIR'],
      limits: { identifyWindowMs: 100 },
    });
    guild = sim.createGuild({ name: 'Uncached' });
    otherVoiceId = sim.createChannel({ guildId: guild.id, name: 'Other voice', type: 'voice' }).id;
    for (const name of Object.keys(users) as (keyof typeof users)[]) {
      users[name] = sim.createUser({ username: name, guildId: guild.id }).id;
    }
    // Alice sat in voice before the gateway connected: only GUILD_CREATE tells of her.
    sim.setVoiceState({ userId: users.alice, guildId: guild.id, channelId: guild.voiceChannelId });

    const logger = createSilentLogger();
    const registry = createMetricsRegistry({ service: 'test', defaultMetrics: false });
    const broker = new InProcessCommandBroker();
    const hub = new InProcessFanOutHub();
    const bus = createInProcessCommandBus({ broker, logger, registry });
    const audio = createInProcessCommandBus({ broker, logger, registry, blockMs: 50 });
    await audio.consume(() => Promise.resolve(ok({ positionMs: 1_000, wasPaused: false })));
    events = createInProcessEventBus({ hub, logger, registry });
    closeBuses = async () => {
      await bus.close();
      await audio.close();
    };

    client = createDiscordClient({
      token: BOT_TOKEN,
      apiBase: sim.restBase,
      applicationId: undefined,
      shardCount: 1,
      shardIds: undefined,
      devGuildId: guild.id,
    });
    voiceStates = new VoiceStateStore();
    feedVoiceStates(client, voiceStates);
    unwire = await wireGateway({
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
      apiBase: sim.restBase,
      devGuildId: guild.id,
    });
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login(BOT_TOKEN);
    await ready;
    await sim.waitForCommand('pause', { guildId: guild.id });
  });

  afterAll(async () => {
    await unwire?.();
    await closeBuses?.();
    await client?.destroy();
    await sim?.stop();
  });

  /** The text the user sees: a refusal's ephemeral follow-up, else the edited reply. */
  async function pauseAs(userId: string): Promise<string> {
    const { id } = sim.invokeCommand({
      userId,
      guildId: guild.id,
      channelId: guild.textChannelId,
      command: 'pause',
    });
    const view = await sim.waitForInteractionResponse(id, {
      timeoutMs: WAIT_MS,
      until: (v) => v.followUps.length > 0 || (v.response?.content ?? '') !== '',
    });
    return view.followUps[0]?.content ?? view.response?.content ?? '';
  }

  it('GIVEN the login THEN the store carries the guild and who sat in voice before it', () => {
    expect(voiceStates.guildCount).toBe(1);
    expect(voiceStates.channelOf(guild.id, users.alice)).toBe(guild.voiceChannelId);
  });

  it('GIVEN the bot joining through to-discord and users in voice THEN the same-voice check reads the store', async () => {
    const join = { guild_id: guild.id, channel_id: guild.voiceChannelId, self_mute: false, self_deaf: true };
    await events.publish(
      TO_DISCORD_CHANNEL,
      createEnvelope('gateway.send', { op: 4, d: join }, { guildId: guild.id }),
    );
    sim.setVoiceState({ userId: users.bob, guildId: guild.id, channelId: otherVoiceId });
    await expect
      .poll(() => voiceStates.channelOf(guild.id, BOT_USER_ID), { timeout: WAIT_MS })
      .toBe(guild.voiceChannelId);
    await expect
      .poll(() => voiceStates.channelOf(guild.id, users.bob), { timeout: WAIT_MS })
      .toBe(otherVoiceId);

    expect(await pauseAs(users.alice)).toContain('Paused');
    expect(await pauseAs(users.bob)).toContain('You need to be in my voice channel');
    expect(await pauseAs(users.carol)).toContain('Join a voice channel first.');
  });

  it('GIVEN a dropped connection and a move while away THEN the resumed session replays it into the store', async () => {
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    sim.fault({ kind: 'gateway-disconnect' });
    sim.setVoiceState({ userId: users.dave, guildId: guild.id, channelId: guild.voiceChannelId });
    await resumed;
    await expect
      .poll(() => voiceStates.channelOf(guild.id, users.dave), { timeout: WAIT_MS })
      .toBe(guild.voiceChannelId);
    expect(voiceStates.channelOf(guild.id, users.alice)).toBe(guild.voiceChannelId);
    expect(await pauseAs(users.dave)).toContain('Paused');
  });

  it('GIVEN all that work THEN discord.js holds no guild, channel, member or other user', () => {
    expect(client.guilds.cache.size).toBe(0);
    expect(client.channels.cache.size).toBe(0);
    expect([...client.users.cache.keys()]).toEqual([BOT_USER_ID]);
  });

  it('GIVEN the guild deleted THEN the store forgets it', async () => {
    sim.deleteGuild(guild.id);
    await expect.poll(() => voiceStates.hasGuild(guild.id), { timeout: WAIT_MS }).toBe(false);
    expect(voiceStates.guildCount).toBe(0);
  });
});
