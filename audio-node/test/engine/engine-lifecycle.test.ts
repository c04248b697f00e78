import { readFileSync } from 'node:fs';
import { createSilentLogger } from '@discord-bot/logger';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { findFfmpeg } from '../../src/decoders/ffmpeg-decoder.js';
import {
  createAudioEngine,
  nullVoiceSinkFactory,
  type AudioEngine,
  type EngineEndReason,
  type EngineException,
} from '../../src/engine/index.js';
import { dominantHz } from './support/analysis.js';
import { VOICE } from './support/engine-harness.js';
import { memoryTrack } from './support/memory-track.js';
import { decodeOpusFrames } from './support/opus-frames.js';
import { sine, writeWav } from './support/wav.js';

const m4a = readFileSync(new URL('../fixtures/tone-440hz-1s.m4a', import.meta.url));
const PLAY = { positionMs: 0, endTimeMs: null, paused: false };

describe('engine lifecycle', () => {
  let engine: AudioEngine | null = null;
  afterEach(async () => {
    await engine?.close();
    engine = null;
  });

  it('GIVEN a playing track and no voice connection THEN it ends with cleanup after the threshold', async () => {
    engine = createAudioEngine({
      logger: createSilentLogger(),
      voice: nullVoiceSinkFactory(),
      cleanupThresholdMs: 300,
    });
    const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
    const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
    player.play(memoryTrack(writeWav(sine(440, 48_000, 2), 48_000), { format: 'wav' }), PLAY);
    expect(await ended).toBe('cleanup');
    expect(engine.frameCounters()).toEqual({ sent: 0, nulled: 0, expected: 0 });
  });

  it('GIVEN a registry THEN decode/encode histograms and frame counters are exported', async () => {
    const registry = new Registry();
    engine = createAudioEngine({
      logger: createSilentLogger(),
      voice: nullVoiceSinkFactory(),
      registry,
      workers: 1,
    });
    const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
    player.connect(VOICE);
    const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
    player.play(memoryTrack(writeWav(sine(440, 48_000, 0.5), 48_000), { format: 'wav' }), PLAY);
    await ended;
    const text = await registry.metrics();
    expect(text).toMatch(/audio_node_encode_seconds_count \d{2,}/);
    expect(text).toMatch(/audio_node_decode_seconds_count [1-9]/);
    expect(text).toMatch(/audio_node_frames_sent_total 2[5-6]/);
    expect(text).toContain('audio_node_frames_nulled_total 0');
  });

  it.skipIf(findFfmpeg() === null)(
    'GIVEN AAC and ffmpeg on PATH THEN the engine plays it at 440 Hz',
    async () => {
      const voice = nullVoiceSinkFactory({ keepFrames: true });
      engine = createAudioEngine({ logger: createSilentLogger(), voice, workers: 1 });
      const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
      player.connect(VOICE);
      const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
      player.play(memoryTrack(m4a, { format: 'audio/mp4' }), PLAY);
      expect(await ended).toBe('finished');
      const frames = (voice.created[0]?.frames ?? []).filter((frame) => frame.length > 3);
      expect(frames.length).toBeGreaterThan(40);
      expect(Math.abs(dominantHz(decodeOpusFrames(frames.slice(5, 45)).left, 48_000) - 440)).toBeLessThan(
        8.8,
      );
    },
  );

  it('GIVEN AAC and ffmpeg disabled THEN the track fails to load naming what is missing', async () => {
    engine = createAudioEngine({
      logger: createSilentLogger(),
      voice: nullVoiceSinkFactory(),
      ffmpegPath: null,
    });
    const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
    player.connect(VOICE);
    const exception = new Promise<EngineException>((resolve) => player.on('trackException', resolve));
    const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
    player.play(memoryTrack(m4a, { format: 'audio/mp4' }), PLAY);
    expect((await exception).message).toMatch(/DECODER_FFMPEG_MISSING.*install ffmpeg/);
    expect(await ended).toBe('loadFailed');
  });

  it('GIVEN the opusscript encoder THEN output is still heard at 440 Hz', async () => {
    const voice = nullVoiceSinkFactory({ keepFrames: true });
    engine = createAudioEngine({ logger: createSilentLogger(), voice, workers: 1, opus: 'opusscript' });
    const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
    player.connect(VOICE);
    const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
    player.play(memoryTrack(writeWav(sine(440, 48_000, 1), 48_000), { format: 'wav' }), PLAY);
    expect(await ended).toBe('finished');
    const frames = (voice.created[0]?.frames ?? []).filter((frame) => frame.length > 3);
    expect(Math.abs(dominantHz(decodeOpusFrames(frames.slice(5, 45)).left, 48_000) - 440)).toBeLessThan(8.8);
  });

  it('GIVEN a live stream THEN seek is ignored', async () => {
    engine = createAudioEngine({ logger: createSilentLogger(), voice: nullVoiceSinkFactory() });
    const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
    player.connect(VOICE);
    const radio = memoryTrack(writeWav(sine(440, 48_000, 2), 48_000), { format: 'wav', isStream: true });
    player.play(radio, PLAY);
    player.seek(1_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(radio.opens).toEqual([undefined]);
    expect(player.positionMs).toBeLessThan(1_000);
  });
});
