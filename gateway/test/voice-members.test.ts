import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { Events, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VoiceStateStore } from '../src/domain/services/voice-state-store.js';
import { createDiscordClient } from '../src/infrastructure/discord/create-discord-client.js';
import { feedVoiceStates } from '../src/infrastructure/discord/voice-state-feed.js';

/** A Discord-shaped bot token: its first segment is base64 of the bot user id. */
const BOT_USER_ID = '223456789012345678';
const BOT_TOKEN = `${Buffer.from(BOT_USER_ID).toString('base64')}.sim.sim`;
const VOICE_TIMEOUT_MS = 5_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'voiceMembers: the voice roster from the gateway voice-state store',
  () => {
    let sim: Simulator;
    let client: Client;
    const voiceStates = new VoiceStateStore();
    let guild: ReturnType<Simulator['createGuild']>;
    let alice: string;
    let bob: string;
    beforeAll(async () => {
      sim = await startSimulator({ caDir: process.env['DISCORD_SIM_CA_DIR'] });
      guild = sim.createGuild({ name: 'Roster' });
      alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
      bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
      // Alice sat in voice before the gateway connected: only GUILD_CREATE tells of her.
      sim.setVoiceState({ userId: alice, guildId: guild.id, channelId: guild.voiceChannelId });
      // The gateway's own client (its intents, no guild caches) feeding the store the roster is read from.
      client = createDiscordClient({
        token: BOT_TOKEN,
        apiBase: sim.restBase,
        applicationId: undefined,
        shardCount: 'auto',
        shardIds: undefined,
        devGuildId: undefined,
      });
      feedVoiceStates(client, voiceStates);
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(BOT_TOKEN);
      await ready;
    });
    afterAll(async () => {
      await client?.destroy();
      await sim?.stop();
    });

    const members = () =>
      [...(voiceStates.voiceMembers(guild.id) ?? [])].sort((a, b) => a.userId.localeCompare(b.userId));

    it('GIVEN members who joined before and after the connection, one who left, and the bot THEN the roster lists who sits in voice now', async () => {
      await expect
        .poll(() => voiceStates.voiceMembers(guild.id), { timeout: VOICE_TIMEOUT_MS })
        .toBeDefined();
      sim.setVoiceState({ userId: bob, guildId: guild.id, channelId: guild.voiceChannelId });
      sim.setVoiceState({ userId: bob, guildId: guild.id, channelId: null });
      client.ws.shards.first()?.send({
        op: 4,
        d: { guild_id: guild.id, channel_id: guild.voiceChannelId, self_mute: false, self_deaf: true },
      });

      const expected = [
        { userId: alice, channelId: guild.voiceChannelId, isBot: false },
        { userId: BOT_USER_ID, channelId: guild.voiceChannelId, isBot: true },
      ].sort((a, b) => a.userId.localeCompare(b.userId));
      await expect.poll(members, { timeout: VOICE_TIMEOUT_MS }).toEqual(expected);
    });

    it('GIVEN a guild the client does not have THEN there is no roster rather than an empty one', () => {
      expect(voiceStates.voiceMembers('999999999999999999')).toBeUndefined();
    });
  },
);
