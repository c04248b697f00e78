import { createRequire } from 'node:module';
import type { OpusEncoder } from '@discordjs/opus';
import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ } from './audio-format.js';
import { samplesOf, type OpusFrameDecoder } from './opus-frame-decoder.js';

type OpusCodecClass = typeof OpusEncoder;

/** `@discordjs/opus` is an optional native addon: a missing or unbuildable binary leaves it `null`. */
function loadNativeOpus(): OpusCodecClass | null {
  try {
    const native = createRequire(import.meta.url)('@discordjs/opus') as { OpusEncoder: OpusCodecClass };
    return native.OpusEncoder;
  } catch {
    return null;
  }
}

const NativeOpus = loadNativeOpus();

/**
 * libopus through `@discordjs/opus`: each instance owns its decoder state in native memory (created on the
 * first frame, released by the garbage collector once unreferenced), so streams cannot disturb each other.
 */
class NativeOpusDecoder implements OpusFrameDecoder {
  private codec: OpusEncoder | null;

  public constructor(Codec: OpusCodecClass) {
    this.codec = new Codec(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS);
  }

  public decode(packet: Buffer): Int16Array | null {
    if (this.codec === null || packet.length === 0) return null;
    try {
      return samplesOf(this.codec.decode(packet));
    } catch {
      return null;
    }
  }

  public destroy(): void {
    // The addon has no explicit free: dropping the only reference lets its finalizer destroy the decoder.
    this.codec = null;
  }
}

/** Makes a native decoder; `null` when `@discordjs/opus` is not available on this machine. */
export const createNativeOpusDecoder: (() => OpusFrameDecoder) | null =
  NativeOpus === null ? null : () => new NativeOpusDecoder(NativeOpus);
