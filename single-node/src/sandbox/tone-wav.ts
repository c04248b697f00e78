/** Sample rate of the generated tones: Discord's Opus rate, so nothing is resampled. */
export const TONE_SAMPLE_RATE = 48_000;
const CHANNELS = 2;
const BYTES_PER_SAMPLE = 2;
const WAV_HEADER_BYTES = 44;

/** A change of pitch part-way through a tone: from `atSeconds` on, it sounds at `hz`. */
export interface ToneChange {
  readonly atSeconds: number;
  readonly hz: number;
}

/** A tone to generate. */
export interface ToneSpec {
  /** Pitch from the start (until the first of `changes`). */
  readonly hz: number;
  readonly seconds: number;
  /** Peak amplitude from 0 to 1; 0.5 by default (-6 dBFS peak, about -9 dBFS RMS). */
  readonly amplitude?: number;
  /**
   * Pitch changes, in any order. They let a listener tell where in the file playback is (a seek past a
   * change is heard as the new pitch); the phase runs on across a change, so it does not click.
   */
  readonly changes?: readonly ToneChange[];
}

/** The pitch of each frame: `spec.hz`, then each change from its first frame on. */
function pitchAt(spec: ToneSpec): (frame: number) => number {
  const steps = [...(spec.changes ?? [])]
    .map((change) => ({ fromFrame: Math.round(change.atSeconds * TONE_SAMPLE_RATE), hz: change.hz }))
    .sort((a, b) => a.fromFrame - b.fromFrame);
  let next = 0;
  let hz = spec.hz;
  // Frames are asked for in order, so one pass over the steps is enough.
  return (frame) => {
    while (next < steps.length && steps[next]!.fromFrame <= frame) {
      hz = steps[next]!.hz;
      next += 1;
    }
    return hz;
  };
}

/**
 * A sine tone as a 16-bit stereo PCM WAV file at 48 kHz: royalty-free test music whose pitch and level the
 * simulator can check.
 *
 * @example
 * writeFileSync('a440.wav', toneWav({ hz: 440, seconds: 30 }));
 * writeFileSync('steps.wav', toneWav({ hz: 880, seconds: 90, changes: [{ atSeconds: 40, hz: 660 }] }));
 */
export function toneWav(spec: ToneSpec): Buffer {
  const frames = Math.round(spec.seconds * TONE_SAMPLE_RATE);
  const dataBytes = frames * CHANNELS * BYTES_PER_SAMPLE;
  const wav = Buffer.alloc(WAV_HEADER_BYTES + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(CHANNELS, 22);
  wav.writeUInt32LE(TONE_SAMPLE_RATE, 24);
  wav.writeUInt32LE(TONE_SAMPLE_RATE * CHANNELS * BYTES_PER_SAMPLE, 28);
  wav.writeUInt16LE(CHANNELS * BYTES_PER_SAMPLE, 32);
  wav.writeUInt16LE(8 * BYTES_PER_SAMPLE, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  const peak = Math.round((spec.amplitude ?? 0.5) * 32_767);
  const pitch = pitchAt(spec);
  let phase = 0;
  for (let frame = 0, offset = WAV_HEADER_BYTES; frame < frames; frame += 1) {
    const sample = Math.round(peak * Math.sin(phase));
    phase = (phase + (2 * Math.PI * pitch(frame)) / TONE_SAMPLE_RATE) % (2 * Math.PI);
    wav.writeInt16LE(sample, offset);
    wav.writeInt16LE(sample, offset + 2);
    offset += CHANNELS * BYTES_PER_SAMPLE;
  }
  return wav;
}
