import { createRequire } from 'node:module';
import type { OpusEncoder } from '@discordjs/opus';
import { describe, expect, it } from 'vitest';
import { analyseStreams } from '../../src/voice/audio-analysis.js';
import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ, SAMPLES_PER_FRAME } from '../../src/voice/audio-format.js';
import { AudioStreamMonitor } from '../../src/voice/audio-stream-monitor.js';
import { createOpusFrameDecoder } from '../../src/voice/create-opus-frame-decoder.js';
import type { OpusFrameDecoder } from '../../src/voice/opus-frame-decoder.js';
import { DECODER_WARM_UP_FRAMES } from '../../src/voice/stream-decoder.js';

const NativeOpus = (createRequire(import.meta.url)('@discordjs/opus') as { OpusEncoder: typeof OpusEncoder })
  .OpusEncoder;

function toneFrames(hz: number, frames: number): Buffer[] {
  const encoder = new NativeOpus(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS);
  return Array.from({ length: frames }, (_, frame) => {
    const pcm = Buffer.alloc(SAMPLES_PER_FRAME * OPUS_CHANNELS * 2);
    for (let i = 0; i < SAMPLES_PER_FRAME; i += 1) {
      const t = frame * SAMPLES_PER_FRAME + i;
      const value = Math.round(16_384 * Math.sin((2 * Math.PI * hz * t) / OPUS_SAMPLE_RATE_HZ));
      pcm.writeInt16LE(value, i * 4);
      pcm.writeInt16LE(value, i * 4 + 2);
    }
    return encoder.encode(pcm);
  });
}

/** A decoder factory that counts what it makes and decodes, and how many decoders are alive. */
function countingDecoders(): {
  create: () => OpusFrameDecoder | null;
  created: number;
  decoded: number;
  live: number;
} {
  const counts = { created: 0, decoded: 0, live: 0 };
  return Object.assign(counts, {
    create: (): OpusFrameDecoder | null => {
      const inner = createOpusFrameDecoder();
      if (inner === null) return null;
      counts.created += 1;
      counts.live += 1;
      let freed = false;
      return {
        decode: (packet: Buffer) => {
          counts.decoded += 1;
          return inner.decode(packet);
        },
        destroy: () => {
          if (!freed) counts.live -= 1;
          freed = true;
          inner.destroy();
        },
      };
    },
  });
}

describe('GIVEN an audio stream monitor receiving 4 s of a 440 Hz tone', () => {
  it('THEN nothing is decoded until asked, and a 1 s window decodes about 1 s of frames and hears the tone', () => {
    let clock = 0;
    const decoders = countingDecoders();
    const monitor = new AudioStreamMonitor(() => clock, decoders.create);
    const frames = toneFrames(440, 200);
    frames.forEach((opus, sequence) => {
      clock += 20;
      monitor.onPacket(7, sequence, opus);
    });
    monitor.flush();
    expect(decoders.decoded).toBe(0);

    const figures = analyseStreams([monitor.window(1_000)], 1_000);
    expect(Math.abs(figures.dominantHz - 440)).toBeLessThanOrEqual(440 * 0.02);
    expect(figures.rmsDbfs).toBeGreaterThan(-10);
    expect(figures.rmsDbfs).toBeLessThan(-8);
    // The window includes both ends: 50 or 51 frames of a steady stream.
    expect(figures.packetsPerSecond).toBeGreaterThanOrEqual(50);
    expect(figures.packetsPerSecond).toBeLessThanOrEqual(51);
    expect(decoders.decoded).toBeLessThanOrEqual(51 + DECODER_WARM_UP_FRAMES);
    expect(decoders.created).toBe(1);

    // Asked again, only what arrived since is decoded, on the same decoder.
    const before = decoders.decoded;
    clock += 20;
    monitor.onPacket(7, 200, toneFrames(440, 201)[200]!);
    monitor.flush();
    monitor.window(1_000);
    expect(decoders.decoded - before).toBe(1);
    expect(decoders.created).toBe(1);
  });

  it('THEN after the stream ends its frames can still be analysed, and no decoder is left alive', () => {
    let clock = 0;
    const decoders = countingDecoders();
    const monitor = new AudioStreamMonitor(() => clock, decoders.create);
    toneFrames(440, 100).forEach((opus, sequence) => {
      clock += 20;
      monitor.onPacket(9, sequence, opus);
    });
    monitor.endStream();
    const figures = analyseStreams([monitor.window(1_000)], 1_000);
    expect(Math.abs(figures.dominantHz - 440)).toBeLessThanOrEqual(440 * 0.02);
    expect(decoders.live).toBe(0);
  });
});
