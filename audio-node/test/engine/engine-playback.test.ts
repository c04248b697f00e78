import { afterEach, describe, expect, it } from 'vitest';
import { dominantHz } from './support/analysis.js';
import { createHarness, type EngineHarness } from './support/engine-harness.js';
import { memoryTrack } from './support/memory-track.js';
import { decodeOpusFrames } from './support/opus-frames.js';
import { sine, writeWav } from './support/wav.js';

describe('engine playback', () => {
  let harness: EngineHarness | null = null;
  afterEach(async () => {
    await harness?.engine.close();
    harness = null;
  });

  it('GIVEN a 1 s 440 Hz WAV THEN about 50 paced frames are sent, heard at 440 Hz, and the track finishes', async () => {
    harness = createHarness();
    const track = memoryTrack(writeWav(sine(440, 44_100, 1), 44_100), { format: 'wav' });
    harness.play(track);
    expect(await harness.ended).toBe('finished');
    const frames = harness.sink().frames ?? [];
    const audio = frames.filter((frame) => frame.length > 3);
    expect(audio.length).toBeGreaterThanOrEqual(49);
    expect(audio.length).toBeLessThanOrEqual(52);
    const { left } = decodeOpusFrames(audio);
    expect(dominantHz(left.subarray(4_800, 43_200), 48_000)).toBeCloseTo(440, -1);
    const counters = harness.engine.frameCounters();
    expect(counters.expected - counters.sent).toBe(0);
  });
});
