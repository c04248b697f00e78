import { fft } from './fft.js';

/** Fewest samples worth a spectrum: 1,024 at 48 kHz is ~21 ms, bins ~47 Hz apart before interpolation. */
export const MIN_SPECTRUM_SAMPLES = 1_024;
/** Most samples analysed: 32,768 at 48 kHz is ~0.68 s, bins ~1.5 Hz apart; keeps one query a few ms. */
export const MAX_SPECTRUM_SAMPLES = 32_768;

export interface DominantFrequencyOptions {
  /** Ignore energy below this (hum, DC drift), Hz. */
  readonly minHz?: number;
  /** Ignore energy above this, Hz; default half the sample rate. */
  readonly maxHz?: number;
}

const DEFAULT_MIN_HZ = 20;

/**
 * The strongest frequency in `samples` (mono), Hz, or 0 when there are too few samples or no energy.
 *
 * Takes the latest power-of-two run of samples (at most {@link MAX_SPECTRUM_SAMPLES}), removes DC, applies a
 * Hann window, and refines the peak bin by fitting a parabola through the log magnitudes of the peak and
 * its neighbours (exact for a Gaussian peak, within a few hundredths of a bin for a Hann-windowed tone).
 */
export function dominantFrequency(
  samples: Float32Array,
  sampleRateHz: number,
  options: DominantFrequencyOptions = {},
): number {
  if (samples.length < MIN_SPECTRUM_SAMPLES) return 0;
  const size = Math.min(MAX_SPECTRUM_SAMPLES, 2 ** Math.floor(Math.log2(samples.length)));
  const offset = samples.length - size;

  let mean = 0;
  for (let i = 0; i < size; i += 1) mean += samples[offset + i]!;
  mean /= size;

  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < size; i += 1) {
    const hann = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (size - 1));
    re[i] = (samples[offset + i]! - mean) * hann;
  }
  fft(re, im);

  const binHz = sampleRateHz / size;
  const firstBin = Math.max(1, Math.ceil((options.minHz ?? DEFAULT_MIN_HZ) / binHz));
  const lastBin = Math.min(size / 2 - 2, Math.floor((options.maxHz ?? sampleRateHz / 2) / binHz));
  let peak = -1;
  let peakPower = 0;
  for (let k = firstBin; k <= lastBin; k += 1) {
    const power = re[k]! * re[k]! + im[k]! * im[k]!;
    if (power > peakPower) {
      peakPower = power;
      peak = k;
    }
  }
  if (peak < 0) return 0;

  const logPower = (k: number): number => Math.log(re[k]! * re[k]! + im[k]! * im[k]! + Number.MIN_VALUE);
  const left = logPower(peak - 1);
  const centre = logPower(peak);
  const right = logPower(peak + 1);
  const curvature = left - 2 * centre + right;
  const shift = curvature < 0 ? (0.5 * (left - right)) / curvature : 0;
  return (peak + Math.max(-0.5, Math.min(0.5, shift))) * binHz;
}
