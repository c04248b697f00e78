import { createRequire } from 'node:module';

/** Encodes one 20 ms frame of 48 kHz stereo s16le (3,840 bytes) to an Opus packet. */
export interface FrameEncoder {
  readonly implementation: '@discordjs/opus' | 'opusscript';
  encode(pcm: Buffer): Buffer;
  close(): void;
}

const require = createRequire(import.meta.url);
const SAMPLE_RATE = 48_000;
const CHANNELS = 2;
const FRAME_SAMPLES = 960;
/** Discord's default channel bitrate; higher is wasted on most listeners' channels. */
const BITRATE = 64_000;
/** Lavalink's default `opusEncodingQuality` (libopus complexity, 0-10); libopus on its own uses 9. */
const COMPLEXITY = 10;
/** `OPUS_SET_COMPLEXITY_REQUEST` from `opus_defines.h`. */
const OPUS_SET_COMPLEXITY = 4010;

interface NativeOpus {
  OpusEncoder: new (
    rate: number,
    channels: number,
  ) => {
    encode(pcm: Buffer): Buffer;
    setBitrate(bps: number): void;
    applyEncoderCTL(ctl: number, value: number): void;
  };
}
interface OpusScriptModule {
  new (
    rate: number,
    channels: number,
    application: number,
  ): {
    encode(pcm: Buffer, frameSize: number): Buffer;
    setBitrate(bps: number): void;
    encoderCTL(ctl: number, value: number): void;
    delete(): void;
  };
  Application: { AUDIO: number };
}

let native: NativeOpus | null | undefined;

function loadNative(): NativeOpus | null {
  if (native !== undefined) return native;
  try {
    native = require('@discordjs/opus') as NativeOpus;
  } catch {
    native = null;
  }
  return native;
}

/**
 * Creates an Opus encoder: the native `@discordjs/opus` when its binary loads, otherwise the WASM
 * `opusscript` (about 10% slower, no compiler needed). `prefer` forces one, for benchmarks and tests.
 */
export function createFrameEncoder(prefer?: FrameEncoder['implementation']): FrameEncoder {
  const opus = prefer === 'opusscript' ? null : loadNative();
  if (opus !== null) {
    const encoder = new opus.OpusEncoder(SAMPLE_RATE, CHANNELS);
    encoder.setBitrate(BITRATE);
    encoder.applyEncoderCTL(OPUS_SET_COMPLEXITY, COMPLEXITY);
    return {
      implementation: '@discordjs/opus',
      encode: (pcm) => encoder.encode(pcm),
      close: () => undefined,
    };
  }
  const OpusScript = require('opusscript') as OpusScriptModule;
  const encoder = new OpusScript(SAMPLE_RATE, CHANNELS, OpusScript.Application.AUDIO);
  encoder.setBitrate(BITRATE);
  encoder.encoderCTL(OPUS_SET_COMPLEXITY, COMPLEXITY);
  return {
    implementation: 'opusscript',
    encode: (pcm) => Buffer.from(encoder.encode(pcm, FRAME_SAMPLES)),
    close: () => encoder.delete(),
  };
}
