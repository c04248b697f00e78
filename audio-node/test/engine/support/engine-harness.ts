import { createSilentLogger } from '@discord-bot/logger';
import {
  createAudioEngine,
  nullVoiceSinkFactory,
  type AudioEngine,
  type EngineEndReason,
  type EnginePlayer,
  type EngineTrack,
  type NullVoiceSink,
  type VoiceTarget,
} from '../../../src/engine/index.js';

export const VOICE: VoiceTarget = {
  guildId: '100000000000000001',
  userId: '200000000000000002',
  channelId: '300000000000000003',
  sessionId: 'session',
  token: 'token',
  endpoint: 'localhost:1',
};

/** An engine whose voice is a frame-recording null sink, and helpers to await player events. */
export interface EngineHarness {
  readonly engine: AudioEngine;
  readonly player: EnginePlayer;
  readonly sink: () => NullVoiceSink;
  readonly ended: Promise<EngineEndReason>;
  play(
    track: EngineTrack,
    options?: Partial<{ positionMs: number; endTimeMs: number | null; paused: boolean }>,
  ): void;
}

export function createHarness(options: { workers?: number; stuckThresholdMs?: number } = {}): EngineHarness {
  const voice = nullVoiceSinkFactory({ keepFrames: true });
  const engine = createAudioEngine({
    logger: createSilentLogger(),
    voice,
    workers: options.workers ?? 1,
    ...options,
  });
  const player = engine.createPlayer(VOICE.guildId, VOICE.userId);
  player.connect(VOICE);
  const ended = new Promise<EngineEndReason>((resolve) => player.on('trackEnd', resolve));
  return {
    engine,
    player,
    sink: () => {
      const sink = voice.created[0];
      if (sink === undefined) throw new Error('no sink created');
      return sink;
    },
    ended,
    play: (track, overrides = {}) =>
      player.play(track, { positionMs: 0, endTimeMs: null, paused: false, ...overrides }),
  };
}

/** Resolves when `predicate` holds, polling every 10 ms; rejects after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
