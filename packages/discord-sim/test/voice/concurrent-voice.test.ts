import {
  createAudioPlayer,
  entersState,
  VoiceConnectionStatus,
  type AudioPlayer,
  type VoiceConnection,
} from '@discordjs/voice';
import { afterEach, describe, expect, it } from 'vitest';
import type { OpusDecoderBackend, SimVoiceServer, VoiceAudioAnalysis } from '../../src/voice/index.js';
import { joinThroughSimulatedGateway } from './support/simulated-gateway-adapter.js';
import { startTestVoiceServer } from './support/test-voice-server.js';
import { toneResource } from './support/tone.js';
import { waitFor } from './support/wait-for.js';

/** Connections playing at once; override with DISCORD_SIM_CONCURRENT_VOICE=30 to try a larger load by hand. */
const CONNECTIONS = Number(process.env.DISCORD_SIM_CONCURRENT_VOICE ?? 8);
/** Two seconds, so a packet late at the window's edge moves the rate by 0.5/s only. */
const WINDOW_MS = 2_000;
const SETTLE_MS = WINDOW_MS;
const TONE_SECONDS = 6;
const MIN_RATE = 35;
const MAX_RATE = 65;
const TONE_TOLERANCE = 0.02;
const BASE_HZ = 300;
/** Tones 50 Hz apart: far more than 2% of any of them, so a mixed-up stream reads as the wrong tone. */
const STEP_HZ = 50;
const BOT_USER_ID = '1200000000000000001';

const near = (value: number, target: number): boolean => Math.abs(value - target) / target <= TONE_TOLERANCE;

interface Guild {
  readonly guildId: string;
  readonly hz: number;
  readonly connection: VoiceConnection;
  readonly player: AudioPlayer;
}

/**
 * The bug this pins: several guilds playing at once (one bot voice connection and one SSRC each) must each be
 * decoded by their own Opus decoder. With decoders corrupting each other's memory, guilds read as digital
 * silence at a full packet rate, or the decoder crashed.
 */
describe.each<OpusDecoderBackend>(['native', 'wasm'])(
  `GIVEN the %s Opus decoder and ${CONNECTIONS} real @discordjs/voice connections of one bot in ${CONNECTIONS} guilds`,
  (opusBackend) => {
    let server: SimVoiceServer | undefined;
    const guilds: Guild[] = [];

    afterEach(async () => {
      for (const guild of guilds.splice(0)) {
        guild.player.stop(true);
        guild.connection.destroy();
      }
      await server?.stop();
      server = undefined;
    });

    async function joinAll(voice: SimVoiceServer, round: number): Promise<void> {
      const joined = Array.from({ length: CONNECTIONS }, (_, index) => {
        const guildId = `12${round}${String(index).padStart(16, '0')}`;
        const { connection } = joinThroughSimulatedGateway(voice, {
          guildId,
          channelId: `${guildId.slice(0, -1)}9`,
          userId: BOT_USER_ID,
          sessionId: `concurrent-${round}-${index}`,
        });
        return { guildId, hz: BASE_HZ + STEP_HZ * index, connection };
      });
      await Promise.all(
        joined.map(({ connection }) => entersState(connection, VoiceConnectionStatus.Ready, 20_000)),
      );
      for (const { guildId, hz, connection } of joined) {
        const player = createAudioPlayer();
        connection.subscribe(player);
        player.play(toneResource(hz, TONE_SECONDS));
        guilds.push({ guildId, hz, connection, player });
      }
    }

    async function expectEachGuildHearsItsOwnTone(voice: SimVoiceServer): Promise<void> {
      const read = (guildId: string): VoiceAudioAnalysis => voice.analysis(guildId, WINDOW_MS);
      await Promise.all(
        guilds.map(({ guildId, hz }) =>
          waitFor(
            () => read(guildId),
            (a) => near(a.dominantHz, hz),
            { what: `${hz} Hz in guild ${guildId}`, timeoutMs: 15_000 },
          ),
        ),
      );
      // Past the players' start-up catch-up, so the window holds steady 20 ms pacing only.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      for (const { guildId, hz } of guilds) {
        const steady = read(guildId);
        expect(steady, `guild ${guildId} playing ${hz} Hz`).toMatchObject({ connected: true, gaps: 0 });
        expect(
          Math.abs(steady.dominantHz - hz),
          `guild ${guildId}: ${steady.dominantHz} Hz`,
        ).toBeLessThanOrEqual(hz * TONE_TOLERANCE);
        // A sine at half of full scale reads about -9 dBFS; silence would read -120.
        expect(steady.rmsDbfs, `guild ${guildId} level`).toBeGreaterThan(-11);
        expect(steady.rmsDbfs, `guild ${guildId} level`).toBeLessThan(-7);
        // 50/s each: a stream counted twice or in the wrong guild reads 100 or 0. The slack is for the senders,
        // which share this process's event loop: a stall of a few hundred ms at either edge of the window
        // (2 cores under load) moves packets across the edge; they are late, not lost (gaps stay 0).
        expect(steady.packetsPerSecond, `guild ${guildId} rate`).toBeGreaterThanOrEqual(MIN_RATE);
        expect(steady.packetsPerSecond, `guild ${guildId} rate`).toBeLessThanOrEqual(MAX_RATE);
      }
    }

    it('WHEN they all play distinct tones at once THEN each guild hears its own tone at its level, without gaps', async () => {
      server = await startTestVoiceServer({ opusBackend });
      await joinAll(server, 1);
      await expectEachGuildHearsItsOwnTone(server);
    }, 60_000);

    it('WHEN every connection leaves and a new set joins THEN the freed decoders leave the new streams intact', async () => {
      server = await startTestVoiceServer({ opusBackend });
      await joinAll(server, 2);
      await expectEachGuildHearsItsOwnTone(server);
      for (const guild of guilds.splice(0)) {
        guild.player.stop(true);
        guild.connection.destroy();
      }
      await joinAll(server, 3);
      await expectEachGuildHearsItsOwnTone(server);
    }, 60_000);
  },
);
