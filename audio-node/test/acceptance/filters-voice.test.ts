/**
 * Every Lavalink filter not covered by client-voice.test.ts, applied live through the real lavalink-client
 * while the simulator listens. The simulator mixes what it hears to mono and reports level (RMS dBFS) and
 * dominant frequency over a window, so each check is chosen to be visible in those two figures; the
 * comment above each test says what it proves.
 */
import type { VoiceAudioAnalysis } from '@discord-bot/discord-sim';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeWav } from '../support/wav.js';
import { near, SIM_CA_DIR, sleep, startVoiceStage, type VoiceStage } from '../support/voice-stage.js';

const GUILD = '200000000000000031';
/** How long after a filter PATCH the new sound is measured: 200 ms to take effect, plus the window. */
const SETTLE_MS = 600;
/** Window for steady figures (level, dominant tone), ms. */
const STEADY_WINDOW_MS = 400;
/** Window for figures that move within a second (tremolo, vibrato, rotation): about 3 frames, ms. */
const SHORT_WINDOW_MS = 65;
/** Fewest frames a short window must hold to be read (a spectrum needs more than one 960-sample frame). */
const SHORT_WINDOW_MIN_FRAMES = 2;

const spread = (values: readonly number[]): number => Math.max(...values) - Math.min(...values);
const mean = (values: readonly number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
/** The level the simulator reports for a sine of peak `amplitude` alone (RMS is the peak over root 2). */
const sineDbfs = (amplitude: number): number => 20 * Math.log10(amplitude / Math.SQRT2);
/** Tolerance on an absolute level after Opus (lossy, but faithful to a tone's level within a dB). */
const LEVEL_TOLERANCE_DB = 1;
/** The short-window analyses that hold enough frames to read (timers and jitter leave some thinner). */
const readable = (samples: readonly VoiceAudioAnalysis[]): VoiceAudioAnalysis[] =>
  samples.filter((a) => (a.packetsPerSecond * SHORT_WINDOW_MS) / 1_000 >= SHORT_WINDOW_MIN_FRAMES);

describe.skipIf(SIM_CA_DIR === undefined)('filters heard through simulated Discord voice', () => {
  let stage: VoiceStage;

  /** Plays `path`, waits until its tone is heard, and returns the steady dry figures. */
  async function playDry(path: string, dominantHz: number): Promise<VoiceAudioAnalysis> {
    await stage.play(`${stage.media.url}${path}`);
    await stage.hear((a) => near(a.dominantHz, dominantHz), STEADY_WINDOW_MS);
    await sleep(STEADY_WINDOW_MS);
    return stage.hear((a) => near(a.dominantHz, dominantHz), STEADY_WINDOW_MS);
  }

  /** The steady figures once a filter change has had time to be heard. */
  async function heardAfterChange(): Promise<VoiceAudioAnalysis> {
    await sleep(SETTLE_MS);
    return stage.analysis(STEADY_WINDOW_MS);
  }

  beforeAll(async () => {
    stage = await startVoiceStage({
      guildId: GUILD,
      media: {
        '/a440.wav': { kind: 'file', body: makeWav({ seconds: 30, frequency: 440 }), type: 'audio/wav' },
        '/a2000.wav': { kind: 'file', body: makeWav({ seconds: 30, frequency: 2_000 }), type: 'audio/wav' },
        // Two centre-panned tones: 1 kHz loud, 250 Hz (an equalizer band of its own) quieter.
        '/1k-250.wav': {
          kind: 'file',
          body: makeWav({
            seconds: 30,
            tones: [
              { hz: 1_000, amplitude: 0.3 },
              { hz: 250, amplitude: 0.15 },
            ],
          }),
          type: 'audio/wav',
        },
        // Two centre-panned tones: 1 kHz loud, 220 Hz (karaoke's default kept band) quieter.
        '/1k-220.wav': {
          kind: 'file',
          body: makeWav({
            seconds: 30,
            tones: [
              { hz: 1_000, amplitude: 0.3 },
              { hz: 220, amplitude: 0.15 },
            ],
          }),
          type: 'audio/wav',
        },
        // A different tone on each side: 440 Hz on the left, a louder 660 Hz on the right.
        '/440-left-660-right.wav': {
          kind: 'file',
          body: makeWav({
            seconds: 30,
            tones: [
              { hz: 440, amplitude: 0.25, channel: 'left' },
              { hz: 660, amplitude: 0.4, channel: 'right' },
            ],
          }),
          type: 'audio/wav',
        },
      },
    });
  });
  afterEach(async () => {
    // resetFilters keeps lavalink-client's equalizer bands (it resends them); clearEQ flattens them.
    await stage.player.filterManager.clearEQ();
    await stage.player.filterManager.resetFilters();
  });
  afterAll(async () => {
    await stage?.close();
  });

  // Equalizer: gain -0.25 mutes the 1 kHz band (band 8) and only it. The 1 kHz tone goes (the dominant
  // tone becomes the 250 Hz one, three bands away) and what is left has the 250 Hz tone's own level.
  it('GIVEN band 8 (1 kHz) at -0.25 THEN the 1 kHz tone is gone and the 250 Hz tone keeps its level', async () => {
    await playDry('/1k-250.wav', 1_000);
    await stage.player.filterManager.setEQ([{ band: 8, gain: -0.25 }]);
    const wet = await heardAfterChange();
    expect(near(wet.dominantHz, 250)).toBe(true);
    expect(Math.abs(wet.rmsDbfs - sineDbfs(0.15))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
  });

  // Karaoke: what both channels share (centre-panned "vocals") is removed, except its filterBand (220 Hz
  // +- 50). Both tones are centred: the 1 kHz one disappears and the 220 Hz one is kept. (Side content,
  // which karaoke keeps, cancels in the simulator's mono mix, so it cannot be checked here.)
  it('GIVEN karaoke THEN a centred 1 kHz tone is removed and the 220 Hz band kept at its level', async () => {
    await playDry('/1k-220.wav', 1_000);
    await stage.player.filterManager.toggleKaraoke(1, 1, 220, 100);
    const wet = await heardAfterChange();
    expect(near(wet.dominantHz, 220)).toBe(true);
    expect(Math.abs(wet.rmsDbfs - sineDbfs(0.15))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
  });

  // Tremolo: the level swings between full and (1 - depth) `frequency` times a second. Over 65 ms windows
  // the dry tone is steady; with depth 1 at 2 Hz it dips towards silence twice a second, at the same pitch.
  it('GIVEN tremolo depth 1 at 2 Hz THEN the level swings by more than 20 dB at the same pitch', async () => {
    await playDry('/a440.wav', 440);
    const dry = readable(await stage.sample(1_000, SHORT_WINDOW_MS));
    await stage.player.filterManager.toggleTremolo(2, 1);
    await sleep(SETTLE_MS);
    const wet = readable(await stage.sample(1_500, SHORT_WINDOW_MS));
    expect(spread(dry.map((a) => a.rmsDbfs))).toBeLessThan(1);
    expect(spread(wet.map((a) => a.rmsDbfs))).toBeGreaterThan(20);
    expect(Math.max(...wet.map((a) => a.rmsDbfs))).toBeGreaterThan(dry[0]!.rmsDbfs - LEVEL_TOLERANCE_DB);
    expect(near(stage.analysis(1_000).dominantHz, 440)).toBe(true);
  });

  // Vibrato: the pitch wobbles around the tone `frequency` times a second. The dominant frequency over
  // 65 ms windows is steady for the dry 2 kHz tone and swings by more than 100 Hz with lavalink-client's
  // default vibrato (10 Hz, depth 1), while its average stays on 2 kHz (a wobble, not a shift).
  it('GIVEN vibrato THEN the pitch wobbles around the tone, centred on it', async () => {
    await playDry('/a2000.wav', 2_000);
    const dry = readable(await stage.sample(1_000, SHORT_WINDOW_MS));
    await stage.player.filterManager.toggleVibrato(10, 1);
    await sleep(SETTLE_MS);
    const wet = readable(await stage.sample(1_500, SHORT_WINDOW_MS));
    expect(spread(dry.map((a) => a.dominantHz))).toBeLessThan(10);
    expect(spread(wet.map((a) => a.dominantHz))).toBeGreaterThan(100);
    expect(near(mean(wet.map((a) => a.dominantHz)), 2_000)).toBe(true);
  });

  // Rotation: the mix pans from one side to the other `rotationHz` times a second. With 440 Hz only on
  // the left and a louder 660 Hz only on the right, the dry mix is always dominated by 660 Hz; rotating,
  // the left tone alone is heard whenever the pan is towards the left.
  it('GIVEN rotation at 1 Hz THEN the left and the right tones are heard in turn', async () => {
    await playDry('/440-left-660-right.wav', 660);
    const dry = readable(await stage.sample(1_000, SHORT_WINDOW_MS));
    await stage.player.filterManager.toggleRotation(1);
    await sleep(SETTLE_MS);
    const wet = readable(await stage.sample(2_000, SHORT_WINDOW_MS));
    expect(dry.every((a) => near(a.dominantHz, 660, 0.05))).toBe(true);
    expect(wet.some((a) => near(a.dominantHz, 440, 0.05))).toBe(true);
    expect(wet.some((a) => near(a.dominantHz, 660, 0.05))).toBe(true);
  });

  // Distortion: with only sinScale changed, Lavalink's formula shapes each sample x into
  // sin(2x) cos(x) tan(x) = sin(2x) sin(x), an even function: it cannot pass the fundamental or any odd
  // harmonic, so the 440 Hz tone comes out at its 2nd harmonic.
  it('GIVEN distortion sinScale 2 THEN a 440 Hz tone is heard at 880 Hz', async () => {
    await playDry('/a440.wav', 440);
    stage.player.filterManager.data.distortion = {
      sinOffset: 0,
      sinScale: 2,
      cosOffset: 0,
      cosScale: 1,
      tanOffset: 0,
      tanScale: 1,
      offset: 0,
      scale: 1,
    };
    await stage.player.filterManager.applyPlayerFilters();
    const wet = await heardAfterChange();
    expect(near(wet.dominantHz, 880)).toBe(true);
  });

  // Channel mix: the matrix left->left 1, left->right 1, right->* 0 puts the left channel on both sides and
  // drops the right. The mono mix of the two-sided fixture, dominated by the right's 660 Hz, becomes the
  // left's 440 Hz alone, at the level of that tone played on both sides. (lavalink-client's presets only
  // move sound between sides, which a mono listener cannot hear, hence a matrix of our own.)
  it('GIVEN a channel mix of the left onto both sides THEN only the left tone is heard', async () => {
    await playDry('/440-left-660-right.wav', 660);
    const { filterManager } = stage.player;
    await filterManager.setAudioOutput('left'); // marks the mix as not stereo, so it is sent
    filterManager.data.channelMix = { leftToLeft: 1, leftToRight: 1, rightToLeft: 0, rightToRight: 0 };
    await filterManager.applyPlayerFilters();
    const wet = await heardAfterChange();
    expect(near(wet.dominantHz, 440)).toBe(true);
    expect(Math.abs(wet.rmsDbfs - sineDbfs(0.25))).toBeLessThanOrEqual(LEVEL_TOLERANCE_DB);
  });

  // The filters' own volume (0-5, 1 = unchanged) multiplies the signal: 0.5 is -6 dB, at the same pitch.
  it('GIVEN filter volume 0.5 THEN RMS drops by 6 dB +-1 at the same pitch', async () => {
    const dry = await playDry('/a440.wav', 440);
    await stage.player.filterManager.setVolume(0.5);
    const wet = await heardAfterChange();
    expect(wet.rmsDbfs - dry.rmsDbfs).toBeGreaterThanOrEqual(-7);
    expect(wet.rmsDbfs - dry.rmsDbfs).toBeLessThanOrEqual(-5);
    expect(near(wet.dominantHz, 440)).toBe(true);
  });

  it('every REST answer and WebSocket message matched lavalink-protocol', () => {
    expect(stage.rest.errors).toEqual([]);
    expect(stage.harness.wsErrors).toEqual([]);
  });
});
