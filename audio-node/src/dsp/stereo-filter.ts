/** A 48 kHz stereo effect processing one frame of planar samples in place. Stateful across frames. */
export interface StereoFilter {
  process(left: Float32Array, right: Float32Array): void;
}

/** Audio sample rate of everything after the resampler. */
export const DSP_SAMPLE_RATE = 48_000;
