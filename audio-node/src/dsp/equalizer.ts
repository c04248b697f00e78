import { StereoBiquadCascade } from './biquad-cascade.js';
import { bandGain, type BiquadCoefficients } from './biquad.js';
import { DSP_SAMPLE_RATE, type StereoFilter } from './stereo-filter.js';

/** Lavalink's 15 band centres, Hz. */
export const EQUALIZER_BANDS_HZ = [
  25, 40, 63, 100, 160, 250, 400, 630, 1_000, 1_600, 2_500, 4_000, 6_300, 10_000, 16_000,
] as const;
/** Bands sit 2/3 octave apart; this Q gives neighbouring bands a smooth crossover. */
const BAND_Q = 1.4;
/**
 * Lavalink gain (-0.25..1, 0 = flat) to the factor the band's level is multiplied by: `1 + 4 x gain`, as in
 * lavaplayer's equalizer (so -0.25 mutes, 0.25 doubles, 1 is x5).
 */
export function bandFactor(gain: number): number {
  return Math.max(0, 1 + 4 * gain);
}

/** 15-band equalizer: a cascade of band sections, one per band whose gain is not 0 (flat bands cost nothing). */
export class Equalizer implements StereoFilter {
  private readonly cascade: StereoBiquadCascade;

  public constructor(bands: readonly { band: number; gain: number }[]) {
    const sections: BiquadCoefficients[] = [];
    const gains = new Map<number, number>();
    for (const { band, gain } of bands) gains.set(band, gain);
    for (const [band, gain] of gains) {
      const frequency = EQUALIZER_BANDS_HZ[band];
      if (frequency === undefined || gain === 0) continue;
      sections.push(bandGain(DSP_SAMPLE_RATE, frequency, BAND_Q, bandFactor(gain)));
    }
    this.cascade = new StereoBiquadCascade(sections);
  }

  public get active(): boolean {
    return this.cascade.length > 0;
  }

  public process(left: Float32Array, right: Float32Array): void {
    this.cascade.process(left, right);
  }
}
