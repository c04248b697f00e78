import { DSP_SAMPLE_RATE, type StereoFilter } from './stereo-filter.js';

/** Largest delay swing at depth 1, seconds: enough for an audible pitch wobble without echo. */
const MAX_SWING_SECONDS = 0.002;
const BUFFER = 2_048;

/** Pitch modulation through a delay line whose length oscillates `frequency` times a second. */
export class Vibrato implements StereoFilter {
  private readonly delayL = new Float32Array(BUFFER);
  private readonly delayR = new Float32Array(BUFFER);
  private write = 0;
  private phase = 0;

  public constructor(
    private readonly frequency: number,
    private readonly depth: number,
  ) {}

  public process(left: Float32Array, right: Float32Array): void {
    const increment = (2 * Math.PI * this.frequency) / DSP_SAMPLE_RATE;
    const swing = this.depth * MAX_SWING_SECONDS * DSP_SAMPLE_RATE;
    for (let i = 0; i < left.length; i++) {
      this.delayL[this.write] = left[i] ?? 0;
      this.delayR[this.write] = right[i] ?? 0;
      const delay = 1 + swing * (0.5 + 0.5 * Math.sin(this.phase));
      const read = this.write - delay + BUFFER;
      const index = Math.floor(read);
      const t = read - index;
      const a = index % BUFFER;
      const b = (index + 1) % BUFFER;
      left[i] = (this.delayL[a] ?? 0) * (1 - t) + (this.delayL[b] ?? 0) * t;
      right[i] = (this.delayR[a] ?? 0) * (1 - t) + (this.delayR[b] ?? 0) * t;
      this.write = (this.write + 1) % BUFFER;
      this.phase += increment;
    }
    this.phase %= 2 * Math.PI;
  }
}
