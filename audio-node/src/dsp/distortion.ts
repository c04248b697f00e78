import type { StereoFilter } from './stereo-filter.js';

export interface DistortionSettings {
  readonly sinOffset: number;
  readonly sinScale: number;
  readonly cosOffset: number;
  readonly cosScale: number;
  readonly tanOffset: number;
  readonly tanScale: number;
  readonly offset: number;
  readonly scale: number;
}

type Shaper = (sample: number) => number;

/**
 * Waveshaper: each trigonometric term whose offset/scale differ from the defaults (0/1) multiplies the
 * sample by `f(sample x scale + offset)`; the result is then `x scale + offset`. Defaults leave audio as is.
 */
export class Distortion implements StereoFilter {
  private readonly shape: Shaper;
  /** True when no term is active and the output scale/offset are 1/0: the audio passes unchanged. */
  public readonly neutral: boolean;

  public constructor(s: DistortionSettings) {
    const terms: Shaper[] = [];
    if (s.sinOffset !== 0 || s.sinScale !== 1) terms.push((x) => Math.sin(x * s.sinScale + s.sinOffset));
    if (s.cosOffset !== 0 || s.cosScale !== 1) terms.push((x) => Math.cos(x * s.cosScale + s.cosOffset));
    if (s.tanOffset !== 0 || s.tanScale !== 1) terms.push((x) => Math.tan(x * s.tanScale + s.tanOffset));
    this.neutral = terms.length === 0 && s.scale === 1 && s.offset === 0;
    this.shape = (x) => {
      let y = x;
      for (const term of terms) y *= term(x);
      return y * s.scale + s.offset;
    };
  }

  public process(left: Float32Array, right: Float32Array): void {
    for (let i = 0; i < left.length; i++) {
      left[i] = this.shape(left[i] ?? 0);
      right[i] = this.shape(right[i] ?? 0);
    }
  }
}
