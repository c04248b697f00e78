/** One sine component of {@link makeWav}'s `tones`. */
export interface WavTone {
  readonly hz: number;
  /** Peak amplitude, 0-1 of full scale. */
  readonly amplitude: number;
  /** Which channel carries it (stereo files); default both (centre-panned). */
  readonly channel?: 'left' | 'right' | 'both';
}

/** Peak amplitude of the single tone (half of full scale: filters that boost have headroom). */
const TONE_AMPLITUDE = 0.5;

/** A 16-bit PCM WAV of a sine tone, for fixtures (no encoder needed). */
export function makeWav(options: {
  seconds: number;
  frequency?: number;
  /** Frequency as a function of time (s), for stepped tones and sweeps; overrides `frequency`. */
  frequencyAt?: (seconds: number) => number;
  /** A mix of fixed tones, each on one channel or both; overrides `frequency` and `frequencyAt`. */
  tones?: readonly WavTone[];
  sampleRate?: number;
  channels?: number;
  title?: string;
  artist?: string;
}): Buffer {
  const sampleRate = options.sampleRate ?? 48_000;
  const channels = options.channels ?? 2;
  const frequency = options.frequency ?? 440;
  const frames = Math.round(options.seconds * sampleRate);
  const data = Buffer.alloc(frames * channels * 2);
  const carries = (tone: WavTone, c: number): boolean =>
    (tone.channel ?? 'both') === 'both' || (tone.channel === 'left') === (c === 0);
  let phase = 0;
  for (let i = 0; i < frames; i++) {
    if (options.tones !== undefined) {
      const t = i / sampleRate;
      for (let c = 0; c < channels; c++) {
        let value = 0;
        for (const tone of options.tones)
          if (carries(tone, c)) value += tone.amplitude * Math.sin(2 * Math.PI * tone.hz * t);
        data.writeInt16LE(Math.round(value * 32767), (i * channels + c) * 2);
      }
      continue;
    }
    const sample = Math.round(Math.sin(phase) * TONE_AMPLITUDE * 32767);
    phase += (2 * Math.PI * (options.frequencyAt?.(i / sampleRate) ?? frequency)) / sampleRate;
    for (let c = 0; c < channels; c++) data.writeInt16LE(sample, (i * channels + c) * 2);
  }
  const chunks: Buffer[] = [];
  const fmt = Buffer.alloc(16);
  fmt.writeUInt16LE(1, 0);
  fmt.writeUInt16LE(channels, 2);
  fmt.writeUInt32LE(sampleRate, 4);
  fmt.writeUInt32LE(sampleRate * channels * 2, 8);
  fmt.writeUInt16LE(channels * 2, 12);
  fmt.writeUInt16LE(16, 14);
  chunks.push(chunk('fmt ', fmt));
  const tags: Buffer[] = [];
  if (options.title !== undefined) tags.push(chunk('INAM', textPayload(options.title)));
  if (options.artist !== undefined) tags.push(chunk('IART', textPayload(options.artist)));
  if (tags.length > 0) chunks.push(chunk('LIST', Buffer.concat([Buffer.from('INFO'), ...tags])));
  chunks.push(chunk('data', data));
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
  return Buffer.concat([Buffer.from('RIFF'), u32(body.length), body]);
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

function chunk(id: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(id, 'latin1'), u32(payload.length), payload]);
}

function textPayload(text: string): Buffer {
  const bytes = Buffer.from(`${text}\0`, 'utf8');
  return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(1)]);
}
