import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { OpusEncoder } = require('@discordjs/opus') as {
  OpusEncoder: new (rate: number, channels: number) => { decode(packet: Buffer): Buffer };
};

/** Decodes 20 ms Opus frames (as sent to voice) back to planar float at 48 kHz, with a fresh decoder. */
export function decodeOpusFrames(frames: readonly Buffer[]): { left: Float32Array; right: Float32Array } {
  const decoder = new OpusEncoder(48_000, 2);
  const pcm = Buffer.concat(frames.map((frame) => decoder.decode(frame)));
  const samples = pcm.length / 4;
  const left = new Float32Array(samples);
  const right = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    left[i] = pcm.readInt16LE(i * 4) / 32_768;
    right[i] = pcm.readInt16LE(i * 4 + 2) / 32_768;
  }
  return { left, right };
}
