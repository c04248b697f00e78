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

/** Lavalink's defaults: a distortion left at these is not applied at all. */
const NEUTRAL: DistortionSettings = {
  sinOffset: 0,
  sinScale: 1,
  cosOffset: 0,
  cosScale: 1,
  tanOffset: 0,
  tanScale: 1,
  offset: 0,
  scale: 1,
};

/**
 * Lavalink's waveshaper (lavadsp's formula, so a preset sounds the same on either node): each sample x becomes
 * `offset + scale * (sinOffset + sin(x sinScale)) * (cosOffset + cos(x cosScale)) * (tanOffset + tan(x tanScale))`,
 * clamped to [-1, 1]. All three terms always take part once any setting leaves its default; with only the sine
 * changed, cos(x) tan(x) = sin(x), so e.g. sinScale 2 gives sin(2x) sin(x), an even function of x.
 */
export class Distortion implements StereoFilter {
  /** True when every setting is Lavalink's default: Lavalink then runs no distortion, and neither do we. */
  public readonly neutral: boolean;
  readonly #s: DistortionSettings;

  public constructor(settings: DistortionSettings) {
    this.#s = settings;
    this.neutral = (Object.keys(NEUTRAL) as (keyof DistortionSettings)[]).every(
      (name) => settings[name] === NEUTRAL[name],
    );
  }

  public process(left: Float32Array, right: Float32Array): void {
    for (let i = 0; i < left.length; i++) {
      left[i] = this.#shape(left[i] ?? 0);
      right[i] = this.#shape(right[i] ?? 0);
    }
  }

  #shape(x: number): number {
    const s = this.#s;
    const y =
      s.offset +
      s.scale *
        (s.sinOffset + Math.sin(x * s.sinScale)) *
        (s.cosOffset + Math.cos(x * s.cosScale)) *
        (s.tanOffset + Math.tan(x * s.tanScale));
    return y > 1 ? 1 : y < -1 ? -1 : y;
  }
}
