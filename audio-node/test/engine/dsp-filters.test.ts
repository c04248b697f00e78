import { describe, expect, it } from 'vitest';
import { Distortion } from '../../src/dsp/distortion.js';
import { dominantHz, goertzel, rmsDb } from './support/analysis.js';
import { middle, renderPcm } from './support/render-pcm.js';
import { sine } from './support/wav.js';

const RATE = 48_000;

function stereo(left: Float32Array, right: Float32Array): Float32Array[] {
  return [left, right];
}

describe('resampling and timescale', () => {
  it('GIVEN 440 Hz at 44.1 kHz THEN 48 kHz output is 440 Hz +-2% and as long', () => {
    const out = renderPcm(sine(440, 44_100, 1), 44_100);
    expect(Math.abs(dominantHz(middle(out.left), RATE) - 440)).toBeLessThan(8.8);
    expect(out.left.length).toBeGreaterThanOrEqual(48_000);
    expect(out.left.length).toBeLessThan(48_000 + 960 * 2);
  });

  it('GIVEN timescale rate 2 THEN a 440 Hz tone is heard at 880 Hz in half the time', () => {
    const out = renderPcm(sine(440, 44_100, 2), 44_100, { timescale: { rate: 2 } });
    expect(Math.abs(dominantHz(middle(out.left), RATE) - 880)).toBeLessThan(17.6);
    expect(Math.abs(out.left.length - 48_000)).toBeLessThan(2_000);
  });

  it('GIVEN timescale speed 2 THEN pitch stays 440 Hz and duration halves', () => {
    const out = renderPcm(sine(440, 48_000, 2), 48_000, { timescale: { speed: 2 } });
    expect(Math.abs(dominantHz(middle(out.left), RATE) - 440)).toBeLessThan(8.8);
    expect(Math.abs(out.left.length - 48_000)).toBeLessThan(3_000);
  });

  it('GIVEN timescale pitch 1.5 THEN a 440 Hz tone is heard at 660 Hz with the same duration', () => {
    const out = renderPcm(sine(440, 48_000, 2), 48_000, { timescale: { pitch: 1.5 } });
    expect(Math.abs(dominantHz(middle(out.left), RATE) - 660)).toBeLessThan(13.2);
    expect(Math.abs(out.left.length - 96_000)).toBeLessThan(3_000);
  });
});

describe('volume and filters', () => {
  const tone = (frequency: number): Float32Array[] => sine(frequency, RATE, 1, 0.25);
  const level = (frequency: number, filters = {}, volume = 100): number =>
    rmsDb(middle(renderPcm(tone(frequency), RATE, filters, volume).left));

  it('GIVEN player volume 50 THEN RMS drops by 6 dB +-1', () => {
    expect(level(440, {}, 50) - level(440)).toBeCloseTo(-6, 0);
  });

  it('GIVEN player volume 200 and filter volume 0.5 THEN they multiply to unity', () => {
    expect(level(440, { volume: 0.5 }, 200) - level(440)).toBeCloseTo(0, 1);
  });

  it('GIVEN lowPass smoothing 20 THEN a 5 kHz tone is attenuated by at least 12 dB and 100 Hz barely', () => {
    expect(level(5_000, { lowPass: { smoothing: 20 } }) - level(5_000)).toBeLessThanOrEqual(-12);
    expect(level(100, { lowPass: { smoothing: 20 } }) - level(100)).toBeGreaterThan(-1.5);
  });

  it('GIVEN an equalizer boosting band 8 (1 kHz) THEN 1 kHz rises and 100 Hz does not', () => {
    const eq = { equalizer: [{ band: 8, gain: 0.5 }] };
    expect(level(1_000, eq) - level(1_000)).toBeGreaterThan(8);
    expect(Math.abs(level(100, eq) - level(100))).toBeLessThan(0.5);
  });

  it('GIVEN an equalizer band at -0.25 THEN that band is cut hard', () => {
    expect(level(1_000, { equalizer: [{ band: 8, gain: -0.25 }] }) - level(1_000)).toBeLessThan(-20);
  });

  it('GIVEN band 8 (1 kHz) muted THEN bands three away (250 Hz, 4 kHz) keep their level within 1 dB', () => {
    const muted = { equalizer: [{ band: 8, gain: -0.25 }] };
    expect(level(250, muted) - level(250)).toBeGreaterThan(-1);
    expect(level(4_000, muted) - level(4_000)).toBeGreaterThan(-1);
  });

  it('GIVEN karaoke THEN a centre-panned 2 kHz voice is removed but a hard-left one stays', () => {
    const karaoke = { karaoke: { level: 1, monoLevel: 1, filterBand: 220, filterWidth: 100 } };
    expect(level(2_000, karaoke) - level(2_000)).toBeLessThan(-20);
    const [left] = sine(2_000, RATE, 1, 0.25);
    const silent = new Float32Array(RATE);
    const out = renderPcm(stereo(left!, silent), RATE, karaoke);
    expect(rmsDb(middle(out.left)) - rmsDb(middle(left!))).toBeGreaterThan(-7);
  });

  it('GIVEN tremolo THEN the envelope swings by the depth', () => {
    const out = renderPcm(tone(1_000), RATE, { tremolo: { frequency: 4, depth: 0.8 } }).left;
    const window = (from: number): number => rmsDb(out.subarray(from, from + 480));
    const levels = Array.from({ length: 40 }, (_, index) => window(2_400 + index * 1_000));
    expect(Math.max(...levels) - Math.min(...levels)).toBeGreaterThan(8);
  });

  it('GIVEN vibrato THEN a pure tone spreads into sidebands', () => {
    const dry = middle(renderPcm(tone(1_000), RATE).left);
    const wet = middle(renderPcm(tone(1_000), RATE, { vibrato: { frequency: 10, depth: 1 } }).left);
    const purity = (samples: Float32Array): number =>
      goertzel(samples, RATE, 1_000) / goertzel(samples, RATE, 1_010);
    expect(purity(wet)).toBeLessThan(purity(dry) / 10);
  });

  it('GIVEN rotation THEN the left and right levels alternate', () => {
    const out = renderPcm(tone(1_000), RATE, { rotation: { rotationHz: 1 } });
    const balance = (at: number): number =>
      rmsDb(out.left.subarray(at, at + 960)) - rmsDb(out.right.subarray(at, at + 960));
    expect(balance(12_000)).toBeLessThan(-10);
    expect(balance(36_000)).toBeGreaterThan(10);
  });

  it('GIVEN distortion THEN harmonics appear on a pure tone', () => {
    const dist = { distortion: { sinScale: 6, scale: 1 } };
    const harmonic = (filters = {}): number =>
      [1_000, 1_500].reduce(
        (sum, frequency) =>
          sum + goertzel(middle(renderPcm(sine(500, RATE, 1, 0.8), RATE, filters).left), RATE, frequency),
        0,
      );
    expect(harmonic(dist)).toBeGreaterThan(harmonic() * 1_000);
  });

  it("GIVEN distortion settings THEN each sample follows Lavalink's formula, clamped to [-1, 1]", () => {
    const settings = {
      sinOffset: 0.1,
      sinScale: 2,
      cosOffset: -0.2,
      cosScale: 1.5,
      tanOffset: 0.3,
      tanScale: 0.5,
      offset: 0.05,
      scale: 1.2,
    };
    const lavalink = (x: number): number => {
      const y =
        settings.offset +
        settings.scale *
          (settings.sinOffset + Math.sin(x * settings.sinScale)) *
          (settings.cosOffset + Math.cos(x * settings.cosScale)) *
          (settings.tanOffset + Math.tan(x * settings.tanScale));
      return Math.max(-1, Math.min(1, y));
    };
    const input = new Float32Array([-0.9, -0.5, -0.1, 0, 0.2, 0.6, 0.95]);
    const left = input.slice();
    const right = input.slice();
    new Distortion(settings).process(left, right);
    input.forEach((x, i) => {
      expect(left[i]).toBeCloseTo(lavalink(x), 5);
      expect(right[i]).toBeCloseTo(lavalink(x), 5);
    });
  });

  it('GIVEN distortion left at its defaults THEN it is neutral (Lavalink applies none)', () => {
    const defaults = { sinOffset: 0, sinScale: 1, cosOffset: 0, cosScale: 1, tanOffset: 0, tanScale: 1 };
    expect(new Distortion({ ...defaults, offset: 0, scale: 1 }).neutral).toBe(true);
    expect(new Distortion({ ...defaults, offset: 0, scale: 0.5 }).neutral).toBe(false);
  });

  it('GIVEN channelMix 0.5 everywhere THEN a hard-left tone plays on both sides', () => {
    const [left] = sine(440, RATE, 1, 0.5);
    const mix = { channelMix: { leftToLeft: 0.5, leftToRight: 0.5, rightToLeft: 0.5, rightToRight: 0.5 } };
    const out = renderPcm(stereo(left!, new Float32Array(RATE)), RATE, mix);
    expect(rmsDb(middle(out.right))).toBeCloseTo(rmsDb(middle(out.left)), 1);
    expect(rmsDb(middle(out.right))).toBeGreaterThan(-20);
  });
});
