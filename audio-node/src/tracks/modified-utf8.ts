/**
 * Java's "modified UTF-8" (`DataOutput.writeUTF`): NUL is written as `C0 80` and every UTF-16 code unit is
 * encoded on its own, so a supplementary character becomes two 3-byte surrogate encodings. Node's UTF-8
 * codec does neither, which breaks emoji and NUL in tracks encoded by lavaplayer.
 */

/** Largest byte length `writeUTF` accepts (the length prefix is an unsigned 16-bit integer). */
export const MAX_MODIFIED_UTF8_BYTES = 0xffff;

/** Number of bytes `text` takes in modified UTF-8 (without the 2-byte length prefix). */
export function modifiedUtf8Length(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x01 && unit <= 0x7f) length += 1;
    else if (unit <= 0x7ff) length += 2;
    else length += 3;
  }
  return length;
}

/** Encodes `text` to modified UTF-8 bytes (without the length prefix). */
export function encodeModifiedUtf8(text: string): Buffer {
  const out = Buffer.allocUnsafe(modifiedUtf8Length(text));
  let offset = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x01 && unit <= 0x7f) {
      out[offset++] = unit;
    } else if (unit <= 0x7ff) {
      out[offset++] = 0xc0 | (unit >> 6);
      out[offset++] = 0x80 | (unit & 0x3f);
    } else {
      out[offset++] = 0xe0 | (unit >> 12);
      out[offset++] = 0x80 | ((unit >> 6) & 0x3f);
      out[offset++] = 0x80 | (unit & 0x3f);
    }
  }
  return out;
}

/**
 * Decodes modified UTF-8 bytes as `DataInput.readUTF` does. Throws on malformed input (a truncated or
 * invalid sequence), like Java's `UTFDataFormatException`.
 */
export function decodeModifiedUtf8(bytes: Uint8Array): string {
  const units: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const a = bytes[i] ?? 0;
    if (a < 0x80) {
      units.push(a);
      i += 1;
    } else if ((a & 0xe0) === 0xc0) {
      const b = continuation(bytes, i + 1);
      units.push(((a & 0x1f) << 6) | b);
      i += 2;
    } else if ((a & 0xf0) === 0xe0) {
      const b = continuation(bytes, i + 1);
      const c = continuation(bytes, i + 2);
      units.push(((a & 0x0f) << 12) | (b << 6) | c);
      i += 3;
    } else {
      throw new RangeError(`Malformed modified UTF-8 at byte ${i}`);
    }
  }
  let text = '';
  // Chunked to stay under the engine's argument-count limit for very long strings.
  for (let start = 0; start < units.length; start += 8192) {
    text += String.fromCharCode(...units.slice(start, start + 8192));
  }
  return text;
}

function continuation(bytes: Uint8Array, index: number): number {
  const byte = bytes[index];
  if (byte === undefined || (byte & 0xc0) !== 0x80) {
    throw new RangeError(`Malformed modified UTF-8 at byte ${index}`);
  }
  return byte & 0x3f;
}
