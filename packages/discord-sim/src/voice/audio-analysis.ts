import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ, PCM_FULL_SCALE } from './audio-format.js';
import type { StreamWindow } from './audio-stream-monitor.js';
import { MAX_ANALYSIS_WINDOW_MS } from './audio-stream-monitor.js';
import { dominantFrequency } from './dominant-frequency.js';
import { rmsDbfs } from './pcm-level.js';

/** Below this level there is no tone worth naming: the dominant frequency reads 0. */
export const TONE_FLOOR_DBFS = -90;

/** The signal part of a guild's analysis. */
export interface AudioFigures {
  readonly packetsPerSecond: number;
  readonly gaps: number;
  readonly rmsDbfs: number;
  readonly dominantHz: number;
}

/** Mixes interleaved stereo frames down to mono samples in [-1, 1). */
function toMono(frames: readonly Int16Array[]): Float32Array {
  const total = frames.reduce((sum, frame) => sum + frame.length / OPUS_CHANNELS, 0);
  const mono = new Float32Array(total);
  let at = 0;
  for (const frame of frames) {
    for (let i = 0; i + 1 < frame.length; i += OPUS_CHANNELS) {
      mono[at] = (frame[i]! + frame[i + 1]!) / (OPUS_CHANNELS * PCM_FULL_SCALE);
      at += 1;
    }
  }
  return mono;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/**
 * Figures for a guild from the windows of its bot connections: packet rate and lost frames add up; level and
 * frequency describe the connection heard most recently (a guild normally has one bot connection).
 */
export function analyseStreams(windows: readonly StreamWindow[], windowMs: number): AudioFigures {
  const seconds = Math.min(Math.max(windowMs, 1), MAX_ANALYSIS_WINDOW_MS) / 1_000;
  const packets = windows.reduce((sum, window) => sum + window.packets, 0);
  const gaps = windows.reduce((sum, window) => sum + window.lostFrames, 0);
  const latest = windows.reduce<StreamWindow | null>(
    (best, window) =>
      window.lastFrameAtMs !== null && (best?.lastFrameAtMs ?? -Infinity) < window.lastFrameAtMs
        ? window
        : best,
    null,
  );
  const level = rmsDbfs(latest?.frames ?? []);
  const dominantHz =
    latest === null || level < TONE_FLOOR_DBFS
      ? 0
      : dominantFrequency(toMono(latest.frames), OPUS_SAMPLE_RATE_HZ);
  return {
    packetsPerSecond: round(packets / seconds, 1),
    gaps,
    rmsDbfs: round(level, 2),
    dominantHz: round(dominantHz, 2),
  };
}
