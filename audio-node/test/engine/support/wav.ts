/** Writes a RIFF WAVE file by hand (the decoder under test must not be its own oracle). */
export function writeWav(
  channels: readonly Float32Array[],
  sampleRate: number,
  encoding: { bits: 16 | 24 | 32; float?: boolean } = { bits: 16 },
): Buffer {
  const frames = channels[0]?.length ?? 0;
  const bytesPerSample = encoding.bits / 8;
  const blockAlign = bytesPerSample * channels.length;
  const data = Buffer.alloc(frames * blockAlign);
  for (let frame = 0; frame < frames; frame++) {
    channels.forEach((channel, index) => {
      const value = Math.max(-1, Math.min(1, channel[frame] ?? 0));
      const at = frame * blockAlign + index * bytesPerSample;
      if (encoding.float === true) data.writeFloatLE(value, at);
      else if (encoding.bits === 16) data.writeInt16LE(Math.round(value * 32_767), at);
      else if (encoding.bits === 24) data.writeIntLE(Math.round(value * 8_388_607), at, 3);
      else data.writeInt32LE(Math.round(value * 2_147_483_647), at);
    });
  }
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'ascii');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(encoding.float === true ? 3 : 1, 8);
  fmt.writeUInt16LE(channels.length, 10);
  fmt.writeUInt32LE(sampleRate, 12);
  fmt.writeUInt32LE(sampleRate * blockAlign, 16);
  fmt.writeUInt16LE(blockAlign, 20);
  fmt.writeUInt16LE(encoding.bits, 22);
  // A LIST chunk before `data`, as tag editors write, to prove the parser walks chunks.
  const list = Buffer.concat([
    Buffer.from('LIST', 'ascii'),
    Buffer.from([4, 0, 0, 0]),
    Buffer.from('INFO', 'ascii'),
  ]);
  const dataHeader = Buffer.alloc(8);
  dataHeader.write('data', 0, 'ascii');
  dataHeader.writeUInt32LE(data.length, 4);
  const riff = Buffer.alloc(12);
  riff.write('RIFF', 0, 'ascii');
  riff.writeUInt32LE(4 + fmt.length + list.length + dataHeader.length + data.length, 4);
  riff.write('WAVE', 8, 'ascii');
  return Buffer.concat([riff, fmt, list, dataHeader, data]);
}

/** A sine tone, `seconds` long, amplitude `amplitude`, identical in every channel. */
export function sine(
  frequency: number,
  sampleRate: number,
  seconds: number,
  amplitude = 0.5,
  count = 2,
): Float32Array[] {
  const samples = Math.round(sampleRate * seconds);
  const tone = Float32Array.from(
    { length: samples },
    (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate),
  );
  return Array.from({ length: count }, () => tone.slice());
}

/** Consecutive tones, `secondsEach` long: position N s plays `frequencies[floor(N / secondsEach)]`. */
export function steps(
  frequencies: readonly number[],
  sampleRate: number,
  secondsEach: number,
): Float32Array[] {
  const parts = frequencies.map((frequency) => sine(frequency, sampleRate, secondsEach)[0]!);
  const joined = new Float32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return [joined, joined.slice()];
}
