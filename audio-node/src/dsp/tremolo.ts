import { DSP_SAMPLE_RATE, type StereoFilter } from './stereo-filter.js';

/** Amplitude modulation: the level swings between 1 and `1 - depth`, `frequency` times a second. */
export class Tremolo implements StereoFilter {
  private phase = 0;

  public constructor(
    private readonly frequency: number,
    private readonly depth: number,
  ) {}

  public process(left: Float32Array, right: Float32Array): void {
    const increment = (2 * Math.PI * this.frequency) / DSP_SAMPLE_RATE;
    let phase = this.phase;
    for (let i = 0; i < left.length; i++) {
      const gain = 1 - this.depth * (0.5 - 0.5 * Math.cos(phase));
      left[i] = (left[i] ?? 0) * gain;
      right[i] = (right[i] ?? 0) * gain;
      phase += increment;
    }
    this.phase = phase % (2 * Math.PI);
  }
}
