import { PCM_FULL_SCALE } from './audio-format.js';

/** The level reported for digital silence, dBFS (instead of -Infinity, which JSON cannot carry). */
export const SILENCE_DBFS = -120;

/**
 * RMS level of signed 16-bit PCM blocks in dBFS, relative to a full-scale square wave
 * (a full-scale sine reads about -3 dBFS). Returns {@link SILENCE_DBFS} for silence or no samples.
 */
export function rmsDbfs(blocks: readonly Int16Array[]): number {
  let sumOfSquares = 0;
  let count = 0;
  for (const block of blocks) {
    for (const sample of block) sumOfSquares += sample * sample;
    count += block.length;
  }
  if (count === 0 || sumOfSquares === 0) return SILENCE_DBFS;
  const dbfs = 20 * Math.log10(Math.sqrt(sumOfSquares / count) / PCM_FULL_SCALE);
  return Math.max(SILENCE_DBFS, dbfs);
}
