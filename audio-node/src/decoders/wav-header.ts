import { DecoderError } from './decoder-error.js';

/** The `fmt ` chunk, reduced to what decoding needs. */
export interface WavFormat {
  readonly channels: number;
  readonly sampleRate: number;
  readonly bitsPerSample: number;
  readonly blockAlign: number;
  readonly float: boolean;
}

/** RIFF chunk headers worth reading before the data chunk; a header larger than this is not a WAV we play. */
const MAX_HEADER_BYTES = 1_048_576;
const FORMAT_PCM = 1;
const FORMAT_FLOAT = 3;
const FORMAT_EXTENSIBLE = 0xfffe;

function ascii(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

function invalid(message: string): DecoderError {
  return new DecoderError('DECODER_INVALID_DATA', `WAV: ${message}`);
}

function parseFormat(view: DataView, at: number, size: number): WavFormat {
  if (size < 16) throw invalid('fmt chunk too short');
  let tag = view.getUint16(at, true);
  const channels = view.getUint16(at + 2, true);
  const sampleRate = view.getUint32(at + 4, true);
  const blockAlign = view.getUint16(at + 12, true);
  const bitsPerSample = view.getUint16(at + 14, true);
  // WAVE_FORMAT_EXTENSIBLE carries the real format tag in the first two bytes of its sub-format GUID.
  if (tag === FORMAT_EXTENSIBLE && size >= 40) tag = view.getUint16(at + 24, true);
  const float = tag === FORMAT_FLOAT;
  if (tag !== FORMAT_PCM && !float) throw invalid(`unsupported encoding tag ${tag} (only PCM and float)`);
  const validBits = float ? [32, 64] : [8, 16, 24, 32];
  if (!validBits.includes(bitsPerSample)) throw invalid(`unsupported ${bitsPerSample}-bit samples`);
  if (channels === 0 || sampleRate === 0 || blockAlign !== (channels * bitsPerSample) / 8) {
    throw invalid('inconsistent fmt chunk');
  }
  return { channels, sampleRate, bitsPerSample, blockAlign, float };
}

/**
 * Incremental RIFF header parser: feed bytes until it returns the format and the first data bytes.
 * Walks chunks (`fmt `, `LIST`, `fact`, ...) so files with metadata before `data` play too.
 */
export class WavHeaderParser {
  private buffer = new Uint8Array(0);

  public get bytesSeen(): number {
    return this.buffer.length;
  }

  /**
   * Feeds bytes; once the data chunk starts, returns the format, where the data begins, its declared size
   * (`null` when unknown: 0 or 0xFFFFFFFF, as streaming writers leave it) and the data bytes seen so far.
   */
  public push(
    chunk: Uint8Array,
  ): { format: WavFormat; dataOffset: number; dataBytes: number | null; rest: Uint8Array } | null {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    if (joined.length < 12) return null;
    const riff = ascii(joined, 0);
    if ((riff !== 'RIFF' && riff !== 'RF64') || ascii(joined, 8) !== 'WAVE')
      throw invalid('not a RIFF WAVE file');
    const view = new DataView(joined.buffer, joined.byteOffset, joined.byteLength);
    let format: WavFormat | null = null;
    let at = 12;
    while (at + 8 <= joined.length) {
      const id = ascii(joined, at);
      const size = view.getUint32(at + 4, true);
      if (id === 'data') {
        if (format === null) throw invalid('data chunk before fmt chunk');
        this.buffer = new Uint8Array(0);
        const dataBytes = size === 0 || size === 0xffffffff ? null : size;
        return { format, dataOffset: at + 8, dataBytes, rest: joined.subarray(at + 8) };
      }
      if (at + 8 + size > joined.length) break;
      if (id === 'fmt ') format = parseFormat(view, at + 8, size);
      at += 8 + size + (size % 2);
    }
    if (joined.length > MAX_HEADER_BYTES) throw invalid('no data chunk in the first megabyte');
    return null;
  }
}
