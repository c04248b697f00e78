import type { StereoFilter } from './stereo-filter.js';

/**
 * One-pole smoothing low-pass as Lavalink defines it: each output moves `1 / smoothing` of the way toward
 * the input (smoothing 20 at 48 kHz puts the -3 dB point near 390 Hz).
 */
export class LowPass implements StereoFilter {
  private lastL = 0;
  private lastR = 0;

  public constructor(private readonly smoothing: number) {}

  public process(left: Float32Array, right: Float32Array): void {
    const alpha = 1 / this.smoothing;
    let l = this.lastL;
    let r = this.lastR;
    for (let i = 0; i < left.length; i++) {
      l += ((left[i] ?? 0) - l) * alpha;
      r += ((right[i] ?? 0) - r) * alpha;
      left[i] = l;
      right[i] = r;
    }
    this.lastL = Math.abs(l) < 1e-20 ? 0 : l;
    this.lastR = Math.abs(r) < 1e-20 ? 0 : r;
  }
}
