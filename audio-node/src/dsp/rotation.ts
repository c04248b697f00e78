import { DSP_SAMPLE_RATE, type StereoFilter } from './stereo-filter.js';

/**
 * "8D audio": pans the mix around the listener `rotationHz` times a second with an equal-power law,
 * scaled so the centre position keeps unity gain.
 */
export class Rotation implements StereoFilter {
  private phase = 0;

  public constructor(private readonly rotationHz: number) {}

  public process(left: Float32Array, right: Float32Array): void {
    const increment = (2 * Math.PI * this.rotationHz) / DSP_SAMPLE_RATE;
    for (let i = 0; i < left.length; i++) {
      const pan = (Math.PI / 4) * (1 + Math.sin(this.phase));
      left[i] = (left[i] ?? 0) * Math.cos(pan) * Math.SQRT2;
      right[i] = (right[i] ?? 0) * Math.sin(pan) * Math.SQRT2;
      this.phase += increment;
    }
    this.phase %= 2 * Math.PI;
  }
}
