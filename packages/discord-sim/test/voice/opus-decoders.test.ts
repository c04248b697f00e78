import { createRequire } from 'node:module';
import type { OpusEncoder } from '@discordjs/opus';
import { describe, expect, it } from 'vitest';
import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from '../../src/voice/audio-format.js';
import { createOpusFrameDecoder } from '../../src/voice/create-opus-frame-decoder.js';
import { dominantFrequency } from '../../src/voice/dominant-frequency.js';
import type { OpusFrameDecoder } from '../../src/voice/opus-frame-decoder.js';
import type { OpusDecoderBackend } from '../../src/voice/index.js';
import { opusPacketSamples } from '../../src/voice/opus-packet-samples.js';
import { rmsDbfs } from '../../src/voice/pcm-level.js';
import { MAX_WASM_DECODERS } from '../../src/voice/wasm-opus-decoder.js';

/** The encoder side, as @discordjs/voice has it: native libopus (the repository installs it). */
const NativeOpus = (createRequire(import.meta.url)('@discordjs/opus') as { OpusEncoder: typeof OpusEncoder })
  .OpusEncoder;

const STREAMS = 24;
const FRAMES = 40;
const AMPLITUDE = 0.5;

/** `frames` 20 ms Opus frames of a stereo sine at half of full scale. */
function encodeTone(hz: number, frames: number): Buffer[] {
  const encoder = new NativeOpus(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS);
  return Array.from({ length: frames }, (_, frame) => {
    const pcm = Buffer.alloc(SAMPLES_PER_FRAME * OPUS_CHANNELS * 2);
    for (let i = 0; i < SAMPLES_PER_FRAME; i += 1) {
      const t = frame * SAMPLES_PER_FRAME + i;
      const value = Math.round(AMPLITUDE * 32_767 * Math.sin((2 * Math.PI * hz * t) / OPUS_SAMPLE_RATE_HZ));
      pcm.writeInt16LE(value, i * 4);
      pcm.writeInt16LE(value, i * 4 + 2);
    }
    return encoder.encode(pcm);
  });
}

function leftChannel(frames: readonly Int16Array[]): Float32Array {
  const mono = new Float32Array(frames.reduce((sum, frame) => sum + frame.length / OPUS_CHANNELS, 0));
  let at = 0;
  for (const frame of frames)
    for (let i = 0; i < frame.length; i += OPUS_CHANNELS) mono[at++] = frame[i]! / 32_768;
  return mono;
}

describe.each<OpusDecoderBackend>(['native', 'wasm'])('GIVEN the %s Opus decoder', (backend) => {
  it(`THEN ${STREAMS} interleaved streams each decode to their own tone at their own level`, () => {
    const tones = Array.from({ length: STREAMS }, (_, index) => 300 + 50 * index);
    const packets = tones.map((hz) => encodeTone(hz, FRAMES));
    const decoders = tones.map(() => createOpusFrameDecoder(backend));
    const decoded: Int16Array[][] = tones.map(() => []);
    try {
      for (let frame = 0; frame < FRAMES; frame += 1) {
        decoders.forEach((decoder, stream) => {
          const pcm = decoder!.decode(packets[stream]![frame]!);
          expect(pcm?.length).toBe(SAMPLES_PER_FRAME * OPUS_CHANNELS);
          decoded[stream]!.push(pcm!);
        });
      }
    } finally {
      for (const decoder of decoders) decoder?.destroy();
    }
    tones.forEach((hz, stream) => {
      // Skip the first frames: the codec's start-up ramp.
      const steady = decoded[stream]!.slice(5);
      expect(Math.abs(dominantFrequency(leftChannel(steady), OPUS_SAMPLE_RATE_HZ) - hz)).toBeLessThan(
        hz * 0.02,
      );
      expect(rmsDbfs(steady)).toBeGreaterThan(-10);
      expect(rmsDbfs(steady)).toBeLessThan(-8);
    });
  });

  it('THEN a packet that is not Opus decodes to null, and a destroyed decoder decodes nothing', () => {
    const decoder = createOpusFrameDecoder(backend)!;
    const [frame] = encodeTone(440, 1);
    expect(decoder.decode(Buffer.alloc(0))).toBeNull();
    expect(decoder.decode(Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]))).toBeNull();
    expect(decoder.decode(frame!)).not.toBeNull();
    decoder.destroy();
    decoder.destroy();
    expect(decoder.decode(frame!)).toBeNull();
  });
});

describe('GIVEN the WebAssembly fallback and its one shared heap', () => {
  it('THEN decoders past the cap are refused instead of overrunning the heap, and a freed one makes room', () => {
    const live: OpusFrameDecoder[] = [];
    try {
      for (let i = 0; i < MAX_WASM_DECODERS; i += 1) {
        const decoder = createOpusFrameDecoder('wasm');
        expect(decoder).not.toBeNull();
        live.push(decoder!);
      }
      expect(createOpusFrameDecoder('wasm')).toBeNull();
      live.pop()!.destroy();
      const again = createOpusFrameDecoder('wasm');
      expect(again).not.toBeNull();
      live.push(again!);
      const [frame] = encodeTone(440, 1);
      expect(live.every((decoder) => decoder.decode(frame!) !== null)).toBe(true);
    } finally {
      for (const decoder of live) decoder.destroy();
    }
  });
});

describe('GIVEN an Opus packet TOC byte', () => {
  it('THEN the decoded length is read from it: 20 ms CELT, 60 ms SILK, two 10 ms frames, a code-3 count', () => {
    expect(opusPacketSamples(Buffer.from([(31 << 3) | 0, 0]))).toBe(960);
    expect(opusPacketSamples(Buffer.from([(3 << 3) | 0]))).toBe(2_880);
    expect(opusPacketSamples(Buffer.from([(14 << 3) | 1]))).toBe(960);
    expect(opusPacketSamples(Buffer.from([(29 << 3) | 3, 6]))).toBe(1_440);
    expect(opusPacketSamples(Buffer.from([(29 << 3) | 3]))).toBeNull();
    expect(opusPacketSamples(Buffer.alloc(0))).toBeNull();
  });

  it('THEN the WebAssembly decoder refuses a 60 ms packet that would overrun its output buffer', () => {
    const encoder = new NativeOpus(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS);
    const long = encoder.encode(Buffer.alloc(3 * SAMPLES_PER_FRAME * OPUS_CHANNELS * 2));
    expect(opusPacketSamples(long)).toBe(3 * SAMPLES_PER_FRAME);
    const wasm = createOpusFrameDecoder('wasm')!;
    const native = createOpusFrameDecoder('native')!;
    try {
      expect(wasm.decode(long)).toBeNull();
      expect(native.decode(long)?.length).toBe(3 * SAMPLES_PER_FRAME * OPUS_CHANNELS);
    } finally {
      wasm.destroy();
      native.destroy();
    }
  });
});
