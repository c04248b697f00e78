import type { Filters } from '../engine/engine-contract.js';
import { ChannelMix } from './channel-mix.js';
import { Distortion } from './distortion.js';
import { Equalizer } from './equalizer.js';
import { Karaoke } from './karaoke.js';
import { LowPass } from './low-pass.js';
import { Rotation } from './rotation.js';
import type { StereoFilter } from './stereo-filter.js';
import { Tremolo } from './tremolo.js';
import { Vibrato } from './vibrato.js';

/** Timescale factors; applied by the resampler and time stretcher, not in the chain. */
export interface Timescale {
  readonly speed: number;
  readonly pitch: number;
  readonly rate: number;
}

type Builder = (filters: Filters) => StereoFilter | null;

/** Keeps a filter only when it changes the sound: a neutral one would cost a pass over every frame for nothing. */
function unlessNeutral<T extends StereoFilter>(filter: T, neutral: (filter: T) => boolean): T | null {
  return neutral(filter) ? null : filter;
}

/**
 * Filters in Lavalink's processing order; each builder returns `null` when its filter is off or its settings
 * leave the audio as it is (all equalizer bands 0, karaoke level 0, tremolo depth 0, default distortion,
 * the identity channel mix). Vibrato at depth 0 still delays by a sample, so it stays.
 */
const BUILDERS: readonly (readonly [keyof Filters, Builder])[] = [
  [
    'equalizer',
    (f) => (f.equalizer === undefined ? null : unlessNeutral(new Equalizer(f.equalizer), (eq) => !eq.active)),
  ],
  [
    'karaoke',
    ({ karaoke: k }) =>
      k === undefined || k.level === 0
        ? null
        : new Karaoke({
            level: k.level ?? 1,
            monoLevel: k.monoLevel ?? 1,
            filterBand: k.filterBand ?? 220,
            filterWidth: k.filterWidth ?? 100,
          }),
  ],
  [
    'tremolo',
    ({ tremolo: t }) =>
      t === undefined || t.depth === 0 ? null : new Tremolo(t.frequency ?? 2, t.depth ?? 0.5),
  ],
  ['vibrato', ({ vibrato: v }) => (v === undefined ? null : new Vibrato(v.frequency ?? 2, v.depth ?? 0.5))],
  [
    'distortion',
    ({ distortion: d }) =>
      d === undefined
        ? null
        : unlessNeutral(
            new Distortion({
              sinOffset: d.sinOffset ?? 0,
              sinScale: d.sinScale ?? 1,
              cosOffset: d.cosOffset ?? 0,
              cosScale: d.cosScale ?? 1,
              tanOffset: d.tanOffset ?? 0,
              tanScale: d.tanScale ?? 1,
              offset: d.offset ?? 0,
              scale: d.scale ?? 1,
            }),
            (distortion) => distortion.neutral,
          ),
  ],
  [
    'rotation',
    ({ rotation: r }) =>
      r?.rotationHz === undefined || r.rotationHz === 0 ? null : new Rotation(r.rotationHz),
  ],
  [
    'channelMix',
    ({ channelMix: m }) =>
      m === undefined
        ? null
        : unlessNeutral(
            new ChannelMix({
              leftToLeft: m.leftToLeft ?? 1,
              leftToRight: m.leftToRight ?? 0,
              rightToLeft: m.rightToLeft ?? 0,
              rightToRight: m.rightToRight ?? 1,
            }),
            (mix) => mix.identity,
          ),
  ],
  [
    'lowPass',
    ({ lowPass: l }) =>
      (l?.smoothing ?? 20) <= 1 || l === undefined ? null : new LowPass(l.smoothing ?? 20),
  ],
];

/**
 * The per-player effect chain after the resampler: Lavalink's filters in order, then volume. Reconfiguring
 * rebuilds only filters whose settings changed, so unchanged ones keep their state (no clicks), and volume
 * changes ramp across one frame (applied while converting to 16-bit, saving a pass).
 */
export class FilterChain {
  private readonly slots = new Map<string, { key: string; filter: StereoFilter | null }>();
  private active: StereoFilter[] = [];
  private gain = 1;
  private targetGain = 1;
  /** False until the first configure: a new chain (a track start, a seek) starts at its volume, not ramps to it. */
  private configured = false;
  public timescale: Timescale = { speed: 1, pitch: 1, rate: 1 };

  public configure(filters: Filters, playerVolume: number): void {
    this.active = [];
    for (const [name, build] of BUILDERS) {
      const key = JSON.stringify(filters[name] ?? null);
      let slot = this.slots.get(name);
      if (slot?.key !== key) {
        slot = { key, filter: build(filters) };
        this.slots.set(name, slot);
      }
      if (slot.filter !== null) this.active.push(slot.filter);
    }
    const t = filters.timescale;
    this.timescale = { speed: t?.speed ?? 1, pitch: t?.pitch ?? 1, rate: t?.rate ?? 1 };
    this.targetGain = (filters.volume ?? 1) * (playerVolume / 100);
    if (!this.configured) this.gain = this.targetGain;
    this.configured = true;
  }

  /** How many filters run on each frame (none for settings that leave the audio as it is). */
  public get running(): number {
    return this.active.length;
  }

  /** Runs the filters in place; volume is applied by {@link gainRamp} during conversion to 16-bit. */
  public process(left: Float32Array, right: Float32Array): void {
    for (const filter of this.active) filter.process(left, right);
  }

  /** The volume ramp for the frame just processed: from the previous frame's gain to the target. */
  public gainRamp(): { from: number; to: number } {
    const from = this.gain;
    this.gain = this.targetGain;
    return { from, to: this.targetGain };
  }
}
