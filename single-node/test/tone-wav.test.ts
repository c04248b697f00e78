import { describe, expect, it } from 'vitest';
import { TONE_SAMPLE_RATE, toneWav } from '@discord-bot/single-node/sandbox-kit';

const WAV_HEADER_BYTES = 44;
const BYTES_PER_STEREO_FRAME = 4;

/** The left channel between two times, s. */
function leftChannel(wav: Buffer, fromSeconds: number, toSeconds: number): number[] {
  const samples: number[] = [];
  const last = Math.round(toSeconds * TONE_SAMPLE_RATE);
  for (let frame = Math.round(fromSeconds * TONE_SAMPLE_RATE); frame < last; frame += 1) {
    samples.push(wav.readInt16LE(WAV_HEADER_BYTES + frame * BYTES_PER_STEREO_FRAME));
  }
  return samples;
}

/** Pitch from upward zero crossings over one second of samples. */
function pitchOf(samples: readonly number[]): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i += 1) if (samples[i - 1]! < 0 && samples[i]! >= 0) crossings += 1;
  return (crossings * TONE_SAMPLE_RATE) / samples.length;
}

describe('toneWav', () => {
  it('GIVEN a plain tone THEN the file has its length and pitch', () => {
    const wav = toneWav({ hz: 440, seconds: 3 });
    expect(wav.length).toBe(WAV_HEADER_BYTES + 3 * TONE_SAMPLE_RATE * BYTES_PER_STEREO_FRAME);
    expect(pitchOf(leftChannel(wav, 1, 2))).toBeCloseTo(440, -1);
  });

  it('GIVEN pitch changes THEN each part of the file sounds at its own pitch', () => {
    const wav = toneWav({
      hz: 880,
      seconds: 6,
      changes: [
        { atSeconds: 4, hz: 440 },
        { atSeconds: 2, hz: 660 },
      ],
    });
    expect(pitchOf(leftChannel(wav, 0.5, 1.5))).toBeCloseTo(880, -1);
    expect(pitchOf(leftChannel(wav, 2.5, 3.5))).toBeCloseTo(660, -1);
    expect(pitchOf(leftChannel(wav, 4.5, 5.5))).toBeCloseTo(440, -1);
  });

  it('GIVEN a pitch change THEN the wave does not jump at it (no click)', () => {
    // Not on a whole second: there a tone restarted at the new pitch would happen to meet the old one at 0.
    const wav = toneWav({ hz: 880, seconds: 2, changes: [{ atSeconds: 1.01, hz: 660 }] });
    const around = leftChannel(wav, 1, 1.02);
    const peak = Math.max(...around.map(Math.abs));
    // A sine's largest step between samples is 2π·hz/rate of its peak; a restarted phase would jump further.
    const largestStep = Math.max(...around.slice(1).map((sample, i) => Math.abs(sample - around[i]!)));
    expect(largestStep).toBeLessThanOrEqual(Math.ceil((peak * 2 * Math.PI * 880) / TONE_SAMPLE_RATE) + 1);
  });
});
