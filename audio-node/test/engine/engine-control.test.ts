import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineTrack } from '../../src/engine/index.js';
import { dominantHz, rmsDb } from './support/analysis.js';
import { createHarness, waitFor, type EngineHarness } from './support/engine-harness.js';
import { memoryTrack } from './support/memory-track.js';
import { decodeOpusFrames } from './support/opus-frames.js';
import { sine, steps, writeWav } from './support/wav.js';

const STEP_HZ = [300, 500, 700, 900];
const stepsWav = writeWav(steps(STEP_HZ, 44_100, 1), 44_100);
const audioFrames = (harness: EngineHarness): Buffer[] =>
  (harness.sink().frames ?? []).filter((f) => f.length > 3);
const heardHz = (frames: Buffer[]): number => dominantHz(decodeOpusFrames(frames).left.subarray(960), 48_000);

describe('engine controls', () => {
  let harness: EngineHarness | null = null;
  afterEach(async () => {
    await harness?.engine.close();
    harness = null;
  });

  it('GIVEN the MP3 fixture THEN it is heard at 440 Hz +-2%', async () => {
    harness = createHarness();
    const mp3 = readFileSync(new URL('../fixtures/tone-440hz-3s.mp3', import.meta.url));
    harness.play(memoryTrack(mp3, { format: 'mp3' }), { endTimeMs: 1_000 });
    expect(await harness.ended).toBe('finished');
    expect(Math.abs(heardHz(audioFrames(harness).slice(5)) - 440)).toBeLessThan(8.8);
  });

  it('GIVEN a playing track WHEN paused THEN no audio frame follows and a silence tail ends speaking', async () => {
    harness = createHarness();
    const h = harness;
    h.play(memoryTrack(stepsWav, { format: 'wav' }));
    await waitFor(() => audioFrames(h).length >= 10);
    h.player.setPaused(true);
    const atPause = audioFrames(h).length;
    const framesAtPause = h.sink().frames!.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(audioFrames(h).length).toBe(atPause);
    expect(
      h
        .sink()
        .frames!.slice(framesAtPause)
        .every((frame) => frame.length === 3),
    ).toBe(true);
    const position = h.player.positionMs;
    h.player.setPaused(false);
    await waitFor(() => audioFrames(h).length >= atPause + 5);
    expect(h.player.positionMs).toBeGreaterThan(position);
  });

  it.each([
    { name: 'a byte-range reopen', honoursRanges: true },
    { name: 'decode-skip when the source ignores ranges', honoursRanges: false },
  ])(
    'GIVEN a WAV WHEN seeking to 2.5 s via $name THEN audio and position land there',
    async ({ honoursRanges }) => {
      harness = createHarness();
      const h = harness;
      const track = memoryTrack(stepsWav, { format: 'wav', honoursRanges });
      h.play(track);
      await waitFor(() => audioFrames(h).length >= 10);
      h.player.seek(2_500);
      const before = audioFrames(h).length;
      await waitFor(() => audioFrames(h).length >= before + 20);
      const after = audioFrames(h).slice(before + 8, before + 20);
      expect(Math.abs(heardHz(after) - 700)).toBeLessThan(14);
      expect(Math.abs(h.player.positionMs - 2_500 - 20 * (audioFrames(h).length - before))).toBeLessThan(100);
      // The engine asks for the byte of 2.5 s (header 56 bytes + 4-byte frames); a source may ignore it.
      expect(track.opens.at(-1)).toBe(56 + Math.floor(2.5 * 44_100) * 4);
    },
  );

  it('GIVEN a CBR MP3 WHEN seeking to 2.5 s THEN the engine reopens at the byte for it and lands there', async () => {
    harness = createHarness();
    const h = harness;
    const mp3 = readFileSync(new URL('../fixtures/steps-300-500-700-900hz-4s.mp3', import.meta.url));
    const track = memoryTrack(mp3, { format: 'mp3' });
    h.play(track);
    await waitFor(() => audioFrames(h).length >= 10);
    h.player.seek(2_500);
    const before = audioFrames(h).length;
    await waitFor(() => audioFrames(h).length >= before + 20);
    expect(Math.abs(heardHz(audioFrames(h).slice(before + 8, before + 20)) - 700)).toBeLessThan(14);
    expect(Math.abs(h.player.positionMs - 2_500 - 20 * (audioFrames(h).length - before))).toBeLessThan(100);
    // 64 kbit/s = 8,000 bytes per second after the first frame's offset.
    const firstSeek = track.opens.at(-1)!;
    expect(firstSeek).toBeGreaterThan(20_000);
    expect(firstSeek).toBeLessThan(20_000 + 2_000);
    // A second seek maps from the same origin (not from where the previous seek reopened).
    h.player.seek(1_500);
    await waitFor(() => track.opens.length === 3);
    expect(track.opens.at(-1)).toBe(firstSeek - 8_000);
  });

  it('GIVEN a start position and an end time THEN playback covers exactly that span', async () => {
    harness = createHarness();
    harness.play(memoryTrack(stepsWav, { format: 'wav' }), { positionMs: 1_200, endTimeMs: 1_700 });
    expect(await harness.ended).toBe('finished');
    const frames = audioFrames(harness);
    expect(Math.abs(frames.length - 25)).toBeLessThanOrEqual(1);
    expect(Math.abs(heardHz(frames) - 500)).toBeLessThan(10);
  });

  it('GIVEN a filter change WHEN 200 ms have passed THEN every frame carries it', async () => {
    harness = createHarness();
    const h = harness;
    h.play(memoryTrack(writeWav(sine(440, 48_000, 3), 48_000), { format: 'wav' }));
    await waitFor(() => audioFrames(h).length >= 10);
    h.player.setFilters({ timescale: { rate: 2 } });
    const changedAt = audioFrames(h).length;
    await waitFor(() => audioFrames(h).length >= changedAt + 25);
    expect(Math.abs(heardHz(audioFrames(h).slice(changedAt + 10, changedAt + 25)) - 880)).toBeLessThan(17.6);
  });

  it('GIVEN volume 50 WHEN set mid-track THEN frames from 200 ms later are 6 dB quieter', async () => {
    harness = createHarness();
    const h = harness;
    h.play(memoryTrack(writeWav(sine(440, 48_000, 3), 48_000), { format: 'wav' }));
    await waitFor(() => audioFrames(h).length >= 20);
    h.player.setVolume(50);
    const changedAt = audioFrames(h).length;
    await waitFor(() => audioFrames(h).length >= changedAt + 30);
    const level = (frames: Buffer[]): number => rmsDb(decodeOpusFrames(frames).left.subarray(960));
    const before = level(audioFrames(h).slice(changedAt - 15, changedAt));
    const after = level(audioFrames(h).slice(changedAt + 10, changedAt + 30));
    expect(after - before).toBeCloseTo(-6, 0);
  });

  it('GIVEN 2 s of playback THEN the pacer sent every expected frame (zero deficit, none nulled)', async () => {
    harness = createHarness();
    const h = harness;
    h.play(memoryTrack(writeWav(sine(440, 48_000, 3), 48_000), { format: 'wav' }));
    await waitFor(() => audioFrames(h).length >= 1);
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const elapsedFrames = (performance.now() - started) / 20;
    const counters = h.engine.frameCounters();
    expect(counters.expected - counters.sent).toBe(0);
    expect(counters.nulled).toBe(0);
    expect(Math.abs(audioFrames(h).length - 1 - elapsedFrames)).toBeLessThan(10);
  });

  it('GIVEN stop THEN the track ends as stopped and position resets', async () => {
    harness = createHarness();
    const h = harness;
    h.play(memoryTrack(stepsWav, { format: 'wav' }));
    await waitFor(() => audioFrames(h).length >= 5);
    h.player.stop();
    expect(await h.ended).toBe('stopped');
    expect(h.player.positionMs).toBe(0);
    expect(h.player.playing).toBe(false);
  });

  it('GIVEN bytes no decoder accepts THEN a trackException precedes trackEnd loadFailed', async () => {
    harness = createHarness();
    const events: string[] = [];
    harness.player.on('trackStart', () => events.push('start'));
    harness.player.on('trackException', (e) => events.push(`exception:${e.message}`));
    harness.play(
      memoryTrack(Buffer.from('RIFF0000WAVEnot really a wav file at all, sorry'), { format: 'wav' }),
    );
    expect(await harness.ended).toBe('loadFailed');
    expect(events[0]).toBe('start');
    expect(events[1]).toMatch(/^exception:DECODER_INVALID_DATA/);
  });

  it('GIVEN a radio stream that drops THEN it is reopened and keeps playing without a track end', async () => {
    harness = createHarness();
    const h = harness;
    const wav = writeWav(sine(440, 48_000, 0.6), 48_000);
    const radio = memoryTrack(wav, { format: 'wav', isStream: true });
    let ended = false;
    void h.ended.then(() => (ended = true));
    h.play(radio);
    await waitFor(() => radio.opens.length >= 3, 10_000);
    // Each 0.6 s connection (30 frames) is played out in full: audio carries on across the reconnects.
    await waitFor(() => audioFrames(h).length >= 75, 10_000);
    expect(ended).toBe(false);
  });

  it('GIVEN a stream that never delivers audio THEN trackStuck fires with the threshold', async () => {
    harness = createHarness({ stuckThresholdMs: 300 });
    const silent = new PassThrough();
    const track: EngineTrack = {
      identifier: 'silent',
      isStream: true,
      isSeekable: false,
      lengthMs: 0,
      open: () => Promise.resolve({ stream: silent, format: 'mp3' }),
    };
    const stuck = new Promise<number>((resolve) => harness!.player.on('trackStuck', resolve));
    harness.play(track);
    expect(await stuck).toBe(300);
    silent.destroy();
  });
});
