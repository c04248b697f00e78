import { once } from 'node:events';
import {
  createAudioPlayer,
  entersState,
  joinVoiceChannel,
  VoiceConnectionDisconnectReason,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import { Client, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/index.js';
import { toneResource } from './support/tone.js';
import { waitFor } from './support/wait-for.js';

/**
 * Voice lifecycle with an unmodified discord.js client that joins voice directly (joinVoiceChannel through
 * its own gateway adapter): what moderators and crashes do to a connection. Tones played on command, in
 * each encryption mode, are in ../reference-bot-voice.test.ts.
 */
describe('GIVEN an unmodified discord.js bot in a simulated guild', () => {
  let sim: Simulator | undefined;
  let client: Client | undefined;
  let connection: VoiceConnection | undefined;
  let player: AudioPlayer | undefined;

  afterEach(async () => {
    player?.stop(true);
    connection?.destroy();
    await client?.destroy();
    await sim?.stop();
    player = undefined;
    connection = undefined;
    client = undefined;
    sim = undefined;
  });

  async function joinVoice(): Promise<{ guildId: string; botId: string; channelId: string }> {
    sim = await startSimulator({
      ...(process.env.DISCORD_SIM_CA_DIR === undefined ? {} : { caDir: process.env.DISCORD_SIM_CA_DIR }),
    });
    const guild = sim.createGuild({ name: 'Voice end to end' });
    client = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
      rest: { api: sim.restBase },
    });
    const ready = once(client, 'clientReady');
    await client.login('voice-e2e-token');
    await ready;
    const discordGuild = client.guilds.cache.get(guild.id);
    if (discordGuild === undefined) throw new Error('the bot did not receive GUILD_CREATE');
    connection = joinVoiceChannel({
      guildId: guild.id,
      channelId: guild.voiceChannelId,
      group: client.user!.id,
      adapterCreator: discordGuild.voiceAdapterCreator,
    });
    await entersState(connection, VoiceConnectionStatus.Ready, 10_000);
    return { guildId: guild.id, botId: client.user!.id, channelId: guild.voiceChannelId };
  }

  it.each<[string, (s: Simulator, guildId: string, botId: string, channelId: string) => void]>([
    [
      'a moderator disconnects the bot',
      (s: Simulator, guildId: string, botId: string) => {
        s.setVoiceState({ userId: botId, guildId, channelId: null });
      },
    ],
    [
      'its voice channel is deleted',
      (s: Simulator, _guildId: string, _botId: string, channelId: string) => {
        s.deleteChannel(channelId);
      },
    ],
  ])(
    'WHEN %s THEN @discordjs/voice sees close code 4014 and the simulator shows it left',
    async (_what, act) => {
      const { guildId, botId, channelId } = await joinVoice();
      act(sim!, guildId, botId, channelId);
      await entersState(connection!, VoiceConnectionStatus.Disconnected, 5_000);
      expect(connection!.state).toMatchObject({
        reason: VoiceConnectionDisconnectReason.WebSocketClose,
        closeCode: 4014,
      });
      expect(sim!.audio(guildId).connected).toBe(false);
    },
  );

  it('WHEN a moderator moves the bot to another voice channel THEN it reconnects there and keeps playing', async () => {
    const { guildId, botId } = await joinVoice();
    const voice = sim!;
    const second = voice.createChannel({ guildId, name: 'Second', type: 'voice' });
    player = createAudioPlayer();
    connection!.subscribe(player);
    player.play(toneResource(440, 8));
    await voice.waitForAudio({ guildId, hz: 440, timeoutMs: 10_000 });

    voice.setVoiceState({ userId: botId, guildId, channelId: second.id });
    const moved = await waitFor(
      () => voice.audio(guildId),
      (a) => a.connected && a.channelId === second.id,
      { what: 'the bot connected in the second channel' },
    );
    expect(moved.channelId).toBe(second.id);
    await entersState(connection!, VoiceConnectionStatus.Ready, 10_000);
    expect(connection!.joinConfig.channelId).toBe(second.id);
    const before = moved.totalPackets;
    const after = await waitFor(
      () => voice.audio(guildId),
      (a) => a.totalPackets >= before + 25 && Math.abs(a.dominantHz - 440) <= 8.8,
      { what: 'the tone in the second channel' },
    );
    expect(after.connected).toBe(true);
  });

  it('WHEN the voice server crashes mid-tone THEN the bot resumes and the tone carries on', async () => {
    const { guildId } = await joinVoice();
    player = createAudioPlayer();
    connection!.subscribe(player);
    player.play(toneResource(440, 8));
    const voice = sim!;
    const before = await waitFor(
      () => voice.audio(guildId),
      (a) => a.totalPackets >= 25 && Math.abs(a.dominantHz - 440) <= 8.8,
      { what: 'half a second of 440 Hz before the crash' },
    );
    voice.fault({ kind: 'voice-server-crash', guildId });
    await entersState(connection!, VoiceConnectionStatus.Connecting, 5_000);
    await entersState(connection!, VoiceConnectionStatus.Ready, 10_000);
    const after = await waitFor(
      () => voice.audio(guildId),
      (a) => a.connected && a.totalPackets >= before.totalPackets + 50,
      { what: 'a second of audio after the resume' },
    );
    expect(after.gaps).toBe(0);
    expect(Math.abs(after.dominantHz - 440)).toBeLessThanOrEqual(8.8);
  });
});
