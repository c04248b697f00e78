import { describe, expect, it } from 'vitest';
import { dominantFrequency } from '../../src/voice/dominant-frequency.js';
import { fft } from '../../src/voice/fft.js';
import { ipDiscoveryResponse, parseIpDiscoveryRequest } from '../../src/voice/ip-discovery.js';
import { rmsDbfs, SILENCE_DBFS } from '../../src/voice/pcm-level.js';

const RATE = 48_000;

function sine(frequencyHz: number, samples: number, amplitude = 0.5): Float32Array {
  return Float32Array.from(
    { length: samples },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequencyHz * i) / RATE),
  );
}

describe('GIVEN the FFT', () => {
  it('THEN a cosine at bin 4 of 16 puts its energy at bins 4 and 12', () => {
    const re = Float64Array.from({ length: 16 }, (_, i) => Math.cos((2 * Math.PI * 4 * i) / 16));
    const im = new Float64Array(16);
    fft(re, im);
    const magnitudes = Array.from(re, (value, k) => Math.round(Math.hypot(value, im[k]!)));
    expect(magnitudes).toEqual([0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 8, 0, 0, 0]);
    expect(() => fft(new Float64Array(12), new Float64Array(12))).toThrow(RangeError);
  });
});

describe('GIVEN the dominant frequency estimate', () => {
  it.each([440, 880, 100, 1_234.5, 7_000])(
    'THEN a %s Hz tone over 20,000 samples is found within 0.5%%',
    (hz) => {
      expect(Math.abs(dominantFrequency(sine(hz, 20_000), RATE) - hz) / hz).toBeLessThan(0.005);
    },
  );

  it('THEN the stronger of two tones wins, and too few samples or silence give 0', () => {
    const strong = sine(880, 16_384, 0.6);
    const mix = sine(440, 16_384, 0.2).map((value, i) => value + strong[i]!);
    expect(Math.abs(dominantFrequency(mix, RATE) - 880)).toBeLessThan(2);
    expect(dominantFrequency(sine(440, 500), RATE)).toBe(0);
    expect(dominantFrequency(new Float32Array(4_096), RATE)).toBe(0);
  });
});

describe('GIVEN the RMS level', () => {
  it('THEN a full-scale square reads 0 dBFS, a half-scale one -6 dBFS, and silence the floor', () => {
    const square = (level: number): Int16Array =>
      Int16Array.from({ length: 960 }, (_, i) => (i % 2 === 0 ? level : -level));
    expect(rmsDbfs([square(32_767)])).toBeCloseTo(0, 1);
    expect(rmsDbfs([square(16_384)])).toBeCloseTo(-6.02, 1);
    expect(rmsDbfs([new Int16Array(960)])).toBe(SILENCE_DBFS);
    expect(rmsDbfs([])).toBe(SILENCE_DBFS);
  });
});

describe('GIVEN IP discovery packets', () => {
  it('THEN a request is recognised only with type 1, length 70 and 74 bytes, and the answer round-trips', () => {
    const request = Buffer.alloc(74);
    request.writeUInt16BE(1, 0);
    request.writeUInt16BE(70, 2);
    request.writeUInt32BE(99, 4);
    expect(parseIpDiscoveryRequest(request)).toBe(99);
    expect(parseIpDiscoveryRequest(request.subarray(0, 73))).toBeNull();
    expect(parseIpDiscoveryRequest(Buffer.alloc(74))).toBeNull();

    const answer = ipDiscoveryResponse(99, '10.1.2.3', 50_000);
    expect(answer.length).toBe(74);
    expect(answer.readUInt16BE(0)).toBe(2);
    expect(answer.subarray(8, answer.indexOf(0, 8)).toString()).toBe('10.1.2.3');
    expect(answer.readUInt16BE(72)).toBe(50_000);
  });
});
