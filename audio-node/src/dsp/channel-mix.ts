import type { StereoFilter } from './stereo-filter.js';

export interface ChannelMixSettings {
  readonly leftToLeft: number;
  readonly leftToRight: number;
  readonly rightToLeft: number;
  readonly rightToRight: number;
}

/** Stereo matrix: each output channel is a weighted sum of both inputs (0.5 everywhere = mono). */
export class ChannelMix implements StereoFilter {
  public constructor(private readonly m: ChannelMixSettings) {}

  /** Left stays left and right stays right: the audio passes unchanged. */
  public get identity(): boolean {
    const { leftToLeft, leftToRight, rightToLeft, rightToRight } = this.m;
    return leftToLeft === 1 && leftToRight === 0 && rightToLeft === 0 && rightToRight === 1;
  }

  public process(left: Float32Array, right: Float32Array): void {
    const { leftToLeft, leftToRight, rightToLeft, rightToRight } = this.m;
    for (let i = 0; i < left.length; i++) {
      const l = left[i] ?? 0;
      const r = right[i] ?? 0;
      left[i] = l * leftToLeft + r * rightToLeft;
      right[i] = l * leftToRight + r * rightToRight;
    }
  }
}
