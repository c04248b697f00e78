/** Test-side signal analysis: independent of the engine's DSP code. */

/** RMS level in dBFS. */
export function rmsDb(samples: Float32Array): number {
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return 10 * Math.log10(sum / Math.max(1, samples.length) + 1e-20);
}

/** Power of one frequency by the Goertzel algorithm (relative units). */
export function goertzel(samples: Float32Array, sampleRate: number, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let s1 = 0;
  let s2 = 0;
  for (const sample of samples) {
    const s0 = sample + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return (s1 * s1 + s2 * s2 - coefficient * s1 * s2) / (samples.length * samples.length);
}

/** Strongest frequency between `low` and `high` Hz: a coarse 5 Hz scan refined to 0.5 Hz. */
export function dominantHz(samples: Float32Array, sampleRate: number, low = 50, high = 4_000): number {
  let best = low;
  let bestPower = -1;
  for (let f = low; f <= high; f += 5) {
    const power = goertzel(samples, sampleRate, f);
    if (power > bestPower) [best, bestPower] = [f, power];
  }
  const coarse = best;
  for (let f = coarse - 5; f <= coarse + 5; f += 0.5) {
    const power = goertzel(samples, sampleRate, f);
    if (power > bestPower) [best, bestPower] = [f, power];
  }
  return best;
}
