import { layer3FrameLength } from './mp3-frame-header.js';

/** Bytes searched for a frame boundary before giving up and passing data through as it is. */
const ALIGN_SEARCH_BYTES = 65_536;

/**
 * Drops bytes before the first verified frame boundary (a header whose successor header sits exactly one
 * frame later). A stream opened at a byte offset (seek, radio) starts mid-frame, and mpg123 then loses
 * a dozen frames resynchronising; aligning first makes a byte seek land where it was aimed.
 */
export class Mp3FrameAligner {
  private pending = new Uint8Array(0);
  private aligned = false;

  public push(chunk: Uint8Array): Uint8Array {
    if (this.aligned) return chunk;
    const bytes = new Uint8Array(this.pending.length + chunk.length);
    bytes.set(this.pending);
    bytes.set(chunk, this.pending.length);
    const isId3 = bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33;
    if (isId3 || bytes.length > ALIGN_SEARCH_BYTES) return this.release(bytes, 0);
    for (let at = 0; at + 4 <= bytes.length; at++) {
      const length = layer3FrameLength(bytes, at);
      if (length === 0) continue;
      if (at + length + 4 > bytes.length) break;
      if (layer3FrameLength(bytes, at + length) > 0) return this.release(bytes, at);
    }
    this.pending = bytes;
    return new Uint8Array(0);
  }

  /** The input ended before a boundary was verified: hand over what was held. */
  public flush(): Uint8Array {
    return this.release(this.pending, 0);
  }

  private release(bytes: Uint8Array, from: number): Uint8Array {
    this.aligned = true;
    this.pending = new Uint8Array(0);
    return bytes.subarray(from);
  }
}
