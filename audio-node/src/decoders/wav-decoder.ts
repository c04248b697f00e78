import { DecoderError } from './decoder-error.js';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';
import { WavHeaderParser, type WavFormat } from './wav-header.js';

/** Converts interleaved little-endian PCM sample frames to planar float. */
function toPlanar(bytes: Uint8Array, format: WavFormat): DecodedPcm {
  const { channels, bitsPerSample, float, blockAlign, sampleRate } = format;
  const frames = Math.floor(bytes.length / blockAlign);
  const view = new DataView(bytes.buffer, bytes.byteOffset, frames * blockAlign);
  const out = Array.from({ length: channels }, () => new Float32Array(frames));
  const bytesPerSample = bitsPerSample / 8;
  for (let frame = 0; frame < frames; frame++) {
    for (let channel = 0; channel < channels; channel++) {
      const at = frame * blockAlign + channel * bytesPerSample;
      let value: number;
      if (float) value = bitsPerSample === 64 ? view.getFloat64(at, true) : view.getFloat32(at, true);
      else if (bitsPerSample === 16) value = view.getInt16(at, true) / 32_768;
      else if (bitsPerSample === 24) {
        const raw = view.getUint8(at) | (view.getUint8(at + 1) << 8) | (view.getInt8(at + 2) << 16);
        value = raw / 8_388_608;
      } else if (bitsPerSample === 32) value = view.getInt32(at, true) / 2_147_483_648;
      else value = (view.getUint8(at) - 128) / 128;
      (out[channel] as Float32Array)[frame] = value;
    }
  }
  return { channels: out, sampleRate };
}

/**
 * Streaming WAV (RIFF/RF64 `WAVE`) decoder: PCM 8/16/24/32-bit and IEEE float 32/64, any channel count.
 *
 * With `headerless`, the bytes are a continuation of the data chunk (a seek reopened the file at a byte
 * offset), decoded with a format learned from an earlier open.
 */
export class WavDecoder implements StreamDecoder {
  private readonly header = new WavHeaderParser();
  private format: WavFormat | null;
  private dataOffset = 0;
  private remainder: Uint8Array = new Uint8Array(0);
  /** Bytes of the data chunk still to come, when its size is known: chunks after it (tags) are not audio. */
  private dataLeft: number | null = null;

  public constructor(headerless?: { format: WavFormat }) {
    this.format = headerless?.format ?? null;
  }

  /** The parsed format, once the header was read. */
  public get wavFormat(): WavFormat | null {
    return this.format;
  }

  public decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    try {
      return Promise.resolve(this.decodeNow(chunk));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private decodeNow(chunk: Uint8Array): DecodedPcm | null {
    let data = chunk;
    if (this.format === null) {
      const parsed = this.header.push(chunk);
      if (parsed === null) return null;
      this.format = parsed.format;
      this.dataOffset = parsed.dataOffset;
      this.dataLeft = parsed.dataBytes;
      data = parsed.rest;
    }
    if (this.dataLeft !== null) {
      data = data.subarray(0, this.dataLeft);
      this.dataLeft -= data.length;
    }
    return this.samples(data, this.format);
  }

  public flush(): Promise<DecodedPcm | null> {
    if (this.format === null && this.header.bytesSeen > 0) {
      return Promise.reject(
        new DecoderError('DECODER_INVALID_DATA', 'WAV stream ended before its data chunk'),
      );
    }
    return Promise.resolve(null);
  }

  public seekIndex(): ByteSeekIndex | null {
    if (this.format === null) return null;
    return {
      dataOffset: this.dataOffset,
      bytesPerSecond: this.format.sampleRate * this.format.blockAlign,
      blockAlign: this.format.blockAlign,
      headerless: true,
    };
  }

  public free(): void {
    this.remainder = new Uint8Array(0);
  }

  private samples(data: Uint8Array, format: WavFormat): DecodedPcm | null {
    let bytes = data;
    if (this.remainder.length > 0) {
      bytes = new Uint8Array(this.remainder.length + data.length);
      bytes.set(this.remainder);
      bytes.set(data, this.remainder.length);
    }
    const whole = bytes.length - (bytes.length % format.blockAlign);
    this.remainder = bytes.slice(whole);
    if (whole === 0) return null;
    return toPlanar(bytes.subarray(0, whole), format);
  }
}
