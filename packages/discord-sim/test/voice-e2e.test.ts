import {
  createAudioPlayer,
  entersState,
  joinVoiceChannel,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator, VoiceEncryptionMode } from '../src/index.js';
import { startTestSimulator } from './support/test-simulator.js';
import { toneResource } from './voice/support/tone.js';

const WINDOW_MS = 1_000;

describe.each<VoiceEncryptionMode>(['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'])(
  'GIVEN a discord.js bot with @discordjs/voice and a simulator offering only %s',
  (mode) => {
    let sim: Simulator | undefined;
    let client: Client | undefined;
    let connection: VoiceConnection | undefined;
    let player: AudioPlayer | undefined;

    afterEach(async () => {
      // Teardown order matters: player, voice connection, client, then the servers (else the runner hangs).
      player?.stop(true);
      connection?.destroy();
      await client?.destroy();
      await sim?.stop();
    });

    it('THEN it joins through the gateway and its 440 Hz then 880 Hz tones are heard within 2%, ~50 packets/s, no gaps', async () => {
      sim = await startTestSimulator({ voice: { modes: [mode] } });
      const guild = sim.createGuild({ name: `Voice ${mode}` });
      client = new Client({
        intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
        rest: { api: sim.restBase },
      });
      const ready = new Promise<void>((resolve) => client?.once(Events.ClientReady, () => resolve()));
      await client.login(`voice-bot-${mode}`);
      await ready;
      const discordGuild = client.guilds.cache.get(guild.id);
      if (discordGuild === undefined) throw new Error('the bot did not receive its guild');

      connection = joinVoiceChannel({
        guildId: guild.id,
        channelId: guild.voiceChannelId,
        adapterCreator: discordGuild.voiceAdapterCreator,
        selfDeaf: true,
      });
      await entersState(connection, VoiceConnectionStatus.Ready, 10_000);
      const connected = await sim.waitForVoiceConnected(guild.id);
      expect(connected).toMatchObject({ connected: true, channelId: guild.voiceChannelId, mode });
      expect(discordGuild.members.me?.voice.channelId).toBe(guild.voiceChannelId);

      player = createAudioPlayer();
      connection.subscribe(player);
      for (const hz of [440, 880]) {
        player.play(toneResource(hz, 4));
        await sim.waitForAudio({ guildId: guild.id, hz, windowMs: WINDOW_MS });
        // Judge rate and continuity once the window holds only the new tone.
        await new Promise((resolve) => setTimeout(resolve, WINDOW_MS));
        const steady = sim.audio(guild.id, WINDOW_MS);
        expect(Math.abs(steady.dominantHz - hz) / hz).toBeLessThanOrEqual(0.02);
        expect(steady).toMatchObject({ connected: true, speaking: true, gaps: 0, mode });
        expect(steady.packetsPerSecond).toBeGreaterThanOrEqual(45);
        expect(steady.packetsPerSecond).toBeLessThanOrEqual(55);
        console.log(`${mode} ${hz} Hz:`, steady);
      }
    });
  },
);
