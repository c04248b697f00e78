import { Biquad, bandPass } from './biquad.js';
import { DSP_SAMPLE_RATE, type StereoFilter } from './stereo-filter.js';

export interface KaraokeSettings {
  readonly level: number;
  readonly monoLevel: number;
  readonly filterBand: number;
  readonly filterWidth: number;
}

/**
 * Vocal remover: subtracts what both channels share (centre-panned vocals) by `level`, then adds back the
 * centre content inside `filterBand +- filterWidth/2` Hz at `monoLevel`, so the bass that is also centred
 * survives.
 */
export class Karaoke implements StereoFilter {
  private readonly band: Biquad;

  public constructor(private readonly settings: KaraokeSettings) {
    const width = Math.max(1, settings.filterWidth);
    this.band = new Biquad(
      bandPass(DSP_SAMPLE_RATE, Math.max(1, settings.filterBand), settings.filterBand / width),
    );
  }

  public process(left: Float32Array, right: Float32Array): void {
    const { level, monoLevel } = this.settings;
    for (let i = 0; i < left.length; i++) {
      const l = left[i] ?? 0;
      const r = right[i] ?? 0;
      const mid = (l + r) / 2;
      const kept = this.band.processSample(mid) * monoLevel * level;
      left[i] = l - level * mid + kept;
      right[i] = r - level * mid + kept;
    }
  }
}
