import { createSilentLogger } from '@discord-bot/logger';
import { afterEach, describe, expect, it } from 'vitest';
import { createAudioEngine, nullVoiceSinkFactory, type AudioEngine } from '../../src/engine/index.js';
import { dominantHz } from './support/analysis.js';
import { createHarness, VOICE, type EngineHarness } from './support/engine-harness.js';
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

  it('GIVEN frames rendered before the voice connection THEN the first one goes out as it becomes ready, not at the next slot', async () => {
    const voice = nullVoiceSinkFactory({ keepFrames: true });
    const engine: AudioEngine = createAudioEngine({ logger: createSilentLogger(), voice, workers: 1 });
    try {
      const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
      player.play(memoryTrack(writeWav(sine(440, 48_000, 2), 48_000), { format: 'wav' }), {
        positionMs: 0,
        endTimeMs: null,
        paused: false,
      });
      // Long enough for the worker's first frames, far shorter than the 60 s an unread track lives.
      await new Promise((resolve) => setTimeout(resolve, 300));
      player.connect(VOICE);
      // The null sink reports ready in a microtask: no clock slot can come in between.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(voice.created[0]?.frames?.length).toBe(1);
    } finally {
      await engine.close();
    }
  });
});
