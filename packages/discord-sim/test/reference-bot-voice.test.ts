import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.js';
import type { VoiceEncryptionMode } from '../src/voice/index.js';
import { startReferenceBot, type ReferenceBot } from './support/reference-bot.js';
import { startTestSimulator } from './support/test-simulator.js';

/** Past the player's start-up catch-up (@discordjs/voice sends late frames back to back after a stall), ms. */
const SETTLE_MS = 1_500;
/** How long after settling a steady window may take to show up, ms. */
const STEADY_TIMEOUT_MS = 2_500;
/** Each tone outlasts hearing it (~1 s), settling and the wait for a steady window (seconds). */
const TONE_SECONDS = 6;
const MEASURE_WINDOW_MS = 1_000;
const TOLERANCE = 0.02;
const MIN_PACKETS_PER_SECOND = 45;
const MAX_PACKETS_PER_SECOND = 55;

/**
 * End to end through the whole simulator, as a user drives a music bot: a user joins voice and runs
 * `/tone`; the reference bot (discord.js + @discordjs/voice, unmodified) joins that channel through its
 * gateway (op 4 -> VOICE_STATE_UPDATE + VOICE_SERVER_UPDATE), connects to the voice server over TLS with the
 * one encryption mode offered, and plays; the simulator's analysis hears it.
 */
describe('GIVEN the reference bot and a user in a voice channel', () => {
  let sim: Simulator | undefined;
  let bot: ReferenceBot | undefined;

  afterEach(async () => {
    await bot?.stop();
    await sim?.stop();
    bot = undefined;
    sim = undefined;
  });

  it.each<VoiceEncryptionMode>(['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'])(
    'WHEN the user runs /tone 440 then /tone 880 with only %s offered THEN the simulator hears each within 2% at ~50 packets/s without gaps',
    async (mode) => {
      const voice = await startTestSimulator({ voice: { modes: [mode] } });
      sim = voice;
      const guild = voice.createGuild({ name: 'Tones' });
      const alice = voice.createUser({ username: 'alice', guildId: guild.id }).id;
      bot = await startReferenceBot(voice.restBase);
      voice.setVoiceState({ userId: alice, guildId: guild.id, channelId: guild.voiceChannelId });

      for (const hz of [440, 880]) {
        const { id } = voice.invokeCommand({
          userId: alice,
          guildId: guild.id,
          channelId: guild.textChannelId,
          command: 'tone',
          options: { hz, seconds: TONE_SECONDS },
        });
        const answer = await voice.waitForInteractionResponse(id);
        expect(answer).toMatchObject({
          type: 5,
          response: { content: `Playing ${hz} Hz in <#${guild.voiceChannelId}>` },
        });
        await voice.waitForAudio({ guildId: guild.id, hz, tolerance: TOLERANCE });
        // Judge rate and continuity on a window holding only this tone. Bot and simulator share this
        // process, so a stall of it (a busy machine) holds back both sending and hearing: take the first
        // window past the settling time that is steady, within the tone's life.
        await sleep(SETTLE_MS);
        const heard = await voice.waitForAudio({
          guildId: guild.id,
          hz,
          tolerance: TOLERANCE,
          windowMs: MEASURE_WINDOW_MS,
          minPacketsPerSecond: MIN_PACKETS_PER_SECOND,
          noGaps: true,
          timeoutMs: STEADY_TIMEOUT_MS,
        });
        console.log(`reference bot ${mode} ${hz} Hz:`, heard);
        expect(heard).toMatchObject({
          connected: true,
          speaking: true,
          channelId: guild.voiceChannelId,
          mode,
        });
        expect(heard.packetsPerSecond).toBeLessThanOrEqual(MAX_PACKETS_PER_SECOND);
      }
      const botVoice = voice.state().voiceStates.find((v) => v.userId === bot?.client.user?.id);
      expect(botVoice?.channelId).toBe(guild.voiceChannelId);
      expect(bot.errors).toEqual([]);
    },
  );
});
