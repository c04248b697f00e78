import {
  createAudioPlayer,
  entersState,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimVoiceServer, VoiceAudioAnalysis, VoiceEncryptionMode } from '../../src/voice/index.js';
import { joinThroughSimulatedGateway, type VoiceIdentity } from './support/simulated-gateway-adapter.js';
import { startTestVoiceServer } from './support/test-voice-server.js';
import { toneResource } from './support/tone.js';
import { waitFor } from './support/wait-for.js';

const WINDOW_MS = 1_000;
const SETTLE_MS = 1_500;
const TONE_TOLERANCE = 0.02;

const identity: VoiceIdentity = {
  guildId: '1100000000000000001',
  channelId: '1100000000000000002',
  userId: '1100000000000000003',
  sessionId: 'voice-audio-session',
};

const near = (value: number, target: number): boolean => Math.abs(value - target) / target <= TONE_TOLERANCE;

describe.each<VoiceEncryptionMode>(['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'])(
  'GIVEN a voice server offering only %s and a real @discordjs/voice client',
  (mode) => {
    let server: SimVoiceServer | undefined;
    let connection: VoiceConnection | undefined;
    let player: AudioPlayer | undefined;

    afterEach(async () => {
      player?.stop(true);
      connection?.destroy();
      await server?.stop();
    });

    it('THEN a 440 Hz tone then an 880 Hz tone are each heard within 2%, at ~50 packets/s with no gaps', async () => {
      server = await startTestVoiceServer({ modes: [mode] });
      ({ connection } = joinThroughSimulatedGateway(server, identity));
      await entersState(connection, VoiceConnectionStatus.Ready, 10_000);
      player = createAudioPlayer();
      connection.subscribe(player);
      const voice = server;
      const read = (): VoiceAudioAnalysis => voice.analysis(identity.guildId, WINDOW_MS);

      for (const frequencyHz of [440, 880]) {
        player.play(toneResource(frequencyHz, 4));
        const heard = await waitFor(read, (a) => near(a.dominantHz, frequencyHz), {
          what: `${frequencyHz} Hz`,
        });
        // Judge rate and continuity on a window holding only the new tone, past the player's start-up catch-up
        // (@discordjs/voice sends late frames back to back after an event-loop stall).
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        const steady = read();
        console.log(`${mode} ${frequencyHz} Hz: heard ${heard.dominantHz} Hz, steady`, steady);
        expect(steady).toMatchObject({
          connected: true,
          speaking: true,
          channelId: identity.channelId,
          mode,
          gaps: 0,
        });
        expect(near(steady.dominantHz, frequencyHz)).toBe(true);
        expect(steady.packetsPerSecond).toBeGreaterThanOrEqual(45);
        expect(steady.packetsPerSecond).toBeLessThanOrEqual(55);
        // A sine at half of full scale: RMS is 0.5 / sqrt(2), about -9 dBFS.
        expect(steady.rmsDbfs).toBeGreaterThan(-11);
        expect(steady.rmsDbfs).toBeLessThan(-7);
      }
    });
  },
);
