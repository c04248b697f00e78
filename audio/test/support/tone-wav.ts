/** 48 kHz mono 16-bit PCM WAV of a sine tone (what the simulator's analysis recognises by frequency). */
export function toneWav(options: { readonly seconds: number; readonly hz: number }): Buffer {
  return steppedToneWav({ stepSeconds: options.seconds, hz: [options.hz] });
}

/**
 * A WAV whose tone changes every `stepSeconds`, through `hz` in order: the frequency heard tells where in
 * the track the listener is (step `k` covers `k * stepSeconds` to `(k + 1) * stepSeconds`).
 */
export function steppedToneWav(options: {
  readonly stepSeconds: number;
  readonly hz: readonly number[];
}): Buffer {
  const rate = 48_000;
  const perStep = Math.round(options.stepSeconds * rate);
  const samples = perStep * options.hz.length;
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) {
    const hz = options.hz[Math.floor(i / perStep)] ?? 0;
    data.writeInt16LE(Math.round(Math.sin((2 * Math.PI * hz * i) / rate) * 0.5 * 32_767), i * 2);
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}
