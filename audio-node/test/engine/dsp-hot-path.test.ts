import { describe, expect, it } from 'vitest';
import { StereoBiquadCascade } from '../../src/dsp/biquad-cascade.js';
import { bandGain, type BiquadCoefficients } from '../../src/dsp/biquad.js';
import { EQUALIZER_BANDS_HZ, bandFactor } from '../../src/dsp/equalizer.js';
import { FilterChain } from '../../src/dsp/filter-chain.js';
import { PcmFifo } from '../../src/dsp/pcm-fifo.js';
import { Resampler } from '../../src/dsp/resampler.js';
import type { Filters } from '../../src/engine/index.js';

const FRAME = 960;

/** Deterministic noise in [-0.5, 0.5), so every run checks the same samples. */
function noise(length: number, seed: number): Float32Array {
  const out = new Float32Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    out[i] = state / 2_147_483_648 - 0.5;
  }
  return out;
}

/** Index of the first sample that differs (or the shorter length), -1 when both are the same: cheap to report. */
function firstDifference(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  const length = Math.min(actual.length, expected.length);
  for (let i = 0; i < length; i++) if (!Object.is(actual[i], expected[i])) return i;
  return actual.length === expected.length ? -1 : length;
}

/** The plain form of a cascade: each sample, in double precision, through every section in turn. */
function referenceCascade(sections: readonly BiquadCoefficients[]): (samples: Float32Array) => void {
  const state = sections.map(() => ({ z1: 0, z2: 0 }));
  return (samples) => {
    for (let i = 0; i < samples.length; i++) {
      let x = samples[i]!;
      sections.forEach(({ b0, b1, b2, a1, a2 }, s) => {
        const z = state[s]!;
        const y = b0 * x + z.z1;
        z.z1 = b1 * x - a1 * y + z.z2;
        z.z2 = b2 * x - a2 * y;
        x = y;
      });
      samples[i] = x;
    }
  };
}

describe('biquad cascade', () => {
  it.each([1, 2, 3, 4, 5])(
    'GIVEN %i equalizer sections THEN every frame equals each sample run through every section in turn',
    (count) => {
      const sections = Array.from({ length: count }, (_, s) =>
        bandGain(48_000, EQUALIZER_BANDS_HZ[s * 3]!, 1.4, bandFactor(0.3 - s * 0.12)),
      );
      const cascade = new StereoBiquadCascade(sections);
      const [refLeft, refRight] = [referenceCascade(sections), referenceCascade(sections)];
      for (let frame = 0; frame < 20; frame++) {
        const left = noise(FRAME, frame * 2 + 1);
        const right = noise(FRAME, frame * 2 + 2);
        const [expectedLeft, expectedRight] = [left.slice(), right.slice()];
        refLeft(expectedLeft);
        refRight(expectedRight);
        cascade.process(left, right);
        expect(firstDifference(left, expectedLeft)).toBe(-1);
        expect(firstDifference(right, expectedRight)).toBe(-1);
      }
    },
  );
});

describe('resampler', () => {
  /** Pushes `input` in blocks of `pushSizes` (cycled) and reads outputs in amounts of `readSizes` (cycled). */
  function resample(input: Float32Array, step: number, pushSizes: number[], readSizes: number[]): number[] {
    const fifo = new PcmFifo();
    // Retains everything, so no sample is ever discarded: the read position advances the same way however
    // the input is cut.
    const resampler = new Resampler(fifo, input.length);
    resampler.step = step;
    const out: number[] = [];
    const left = new Float32Array(4_096);
    const right = new Float32Array(4_096);
    let pushed = 0;
    for (let turn = 0; turn < 100_000; turn++) {
      const drain = pushed === input.length;
      const got = resampler.read(left, right, readSizes[turn % readSizes.length]!, 0, drain);
      for (let i = 0; i < got; i++) out.push(left[i]!, right[i]!);
      if (drain && got === 0) break;
      if (!drain) {
        const size = Math.min(pushSizes[turn % pushSizes.length]!, input.length - pushed);
        const block = input.subarray(pushed, pushed + size);
        fifo.push([block, block.map((sample) => -sample)]);
        pushed += size;
      }
    }
    return out;
  }

  /**
   * The plain form: output k is the cubic Hermite (Catmull-Rom) of the four inputs around read position
   * 1 + k x step (the first input serves as the interpolator's history), silence past the end.
   */
  function reference(input: Float32Array, step: number): number[] {
    const at = (index: number): number => input[index] ?? 0;
    const out: number[] = [];
    for (let position = 1; Math.floor(position) < input.length; position += step) {
      const index = Math.floor(position);
      const t = position - index;
      const [ym1, y0, y1, y2] = [at(index - 1), at(index), at(index + 1), at(index + 2)];
      const c1 = 0.5 * (y1 - ym1);
      const c2 = ym1 - 2.5 * y0 + 2 * y1 - 0.5 * y2;
      const c3 = 0.5 * (y2 - ym1) + 1.5 * (y0 - y1);
      const sample = Math.fround(((c3 * t + c2) * t + c1) * t + y0);
      out.push(sample, sample === 0 ? 0 : -sample);
    }
    return out;
  }

  it.each([
    ['44.1 -> 48 kHz', 44_100 / 48_000],
    ['22.05 -> 48 kHz', 22_050 / 48_000],
    ['44.1 kHz at timescale rate 1.3', (44_100 / 48_000) * 1.3],
  ])(
    'GIVEN %s THEN every output is the Hermite interpolation at its read position, however the audio is cut',
    (_, step) => {
      const input = noise(30_000, 7);
      const expected = reference(input, step);
      expect(firstDifference(resample(input, step, [input.length], [4_096]), expected)).toBe(-1);
      const pieces = resample(input, step, [3, 1_000, 17, 2_500, 64], [960, 1, 333, 2_048]);
      expect(firstDifference(pieces, expected)).toBe(-1);
    },
  );
});

describe('neutral filter settings', () => {
  const neutral: Filters = {
    equalizer: [
      { band: 0, gain: 0 },
      { band: 8, gain: 0 },
    ],
    karaoke: { level: 0 },
    tremolo: { frequency: 4, depth: 0 },
    distortion: { sinOffset: 0, sinScale: 1, offset: 0, scale: 1 },
    rotation: { rotationHz: 0 },
    channelMix: { leftToLeft: 1, leftToRight: 0, rightToLeft: 0, rightToRight: 1 },
    lowPass: { smoothing: 1 },
  };

  it('GIVEN filters whose settings leave the audio as it is THEN none runs and frames pass unchanged', () => {
    const chain = new FilterChain();
    chain.configure(neutral, 100);
    expect(chain.running).toBe(0);
    const [left, right] = [noise(FRAME, 3), noise(FRAME, 4)];
    const [before, beforeRight] = [left.slice(), right.slice()];
    chain.process(left, right);
    expect(firstDifference(left, before)).toBe(-1);
    expect(firstDifference(right, beforeRight)).toBe(-1);
  });

  it('GIVEN a new chain at volume 50 THEN its first frame is at 50% already, not ramped down from 100%', () => {
    // A seek or a track start builds a new chain: ramping from full gain made the first 20 ms too loud.
    const chain = new FilterChain();
    chain.configure({}, 50);
    expect(chain.gainRamp()).toEqual({ from: 0.5, to: 0.5 });
    chain.configure({}, 100);
    expect(chain.gainRamp()).toEqual({ from: 0.5, to: 1 });
  });

  it('GIVEN one non-zero equalizer band among zeros THEN exactly the equalizer runs', () => {
    const chain = new FilterChain();
    chain.configure(
      {
        ...neutral,
        equalizer: [
          { band: 0, gain: 0 },
          { band: 8, gain: 0.2 },
        ],
      },
      100,
    );
    expect(chain.running).toBe(1);
  });
});
