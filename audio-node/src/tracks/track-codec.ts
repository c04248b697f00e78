/**
 * lavaplayer's encoded-track format (what Lavalink puts in `Track.encoded`): a 4-byte header
 * `(flags << 30) | size`, an optional version byte, then Java `DataOutput` fields. Versions 1-3 are read;
 * version 3 is written, as Lavalink 4 does.
 */
import { decodeModifiedUtf8, encodeModifiedUtf8, MAX_MODIFIED_UTF8_BYTES } from './modified-utf8.js';
import type { DecodedTrack, TrackInfo } from './track-types.js';

const TRACK_INFO_VERSIONED = 1;
const CURRENT_VERSION = 3;
const INT64_MAX = (1n << 63n) - 1n;

/** Thrown for bytes that are not a lavaplayer track. */
export class TrackDecodeError extends Error {
  override readonly name = 'TrackDecodeError';
}

/** Encodes a track as version 3. `sourceData` is the source-specific section (see {@link DecodedTrack}). */
export function encodeTrack(info: TrackInfo, sourceData: Buffer): string {
  const writer = new Writer();
  writer.u8(CURRENT_VERSION);
  writer.utf(info.title);
  writer.utf(info.author);
  writer.i64(info.length);
  writer.utf(info.identifier);
  writer.bool(info.isStream);
  writer.nullableUtf(info.uri);
  writer.nullableUtf(info.artworkUrl);
  writer.nullableUtf(info.isrc);
  writer.utf(info.sourceName);
  writer.raw(sourceData);
  writer.i64(info.position);
  const body = writer.toBuffer();
  const header = Buffer.allocUnsafe(4);
  header.writeInt32BE((TRACK_INFO_VERSIONED << 30) | body.length);
  return Buffer.concat([header, body]).toString('base64');
}

/** Decodes a base64 lavaplayer track (versions 1-3). Throws {@link TrackDecodeError} on malformed input. */
export function decodeTrack(encoded: string): DecodedTrack {
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length < 4 || bytes.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')) {
    throw new TrackDecodeError('Not valid base64');
  }
  const reader = new Reader(bytes);
  const header = reader.u32();
  const flags = header >>> 30;
  const size = header & 0x3fffffff;
  if (size === 0 || size > bytes.length - 4) throw new TrackDecodeError('Bad message size');
  const end = 4 + size;
  const version = (flags & TRACK_INFO_VERSIONED) !== 0 ? reader.u8() : 1;
  if (version < 1 || version > CURRENT_VERSION) throw new TrackDecodeError(`Unsupported version ${version}`);
  const title = reader.utf();
  const author = reader.utf();
  const length = reader.i64();
  const identifier = reader.utf();
  const isStream = reader.bool();
  const uri = version >= 2 ? reader.nullableUtf() : null;
  const artworkUrl = version >= 3 ? reader.nullableUtf() : null;
  const isrc = version >= 3 ? reader.nullableUtf() : null;
  const sourceName = reader.utf();
  const positionOffset = end - 8;
  if (positionOffset < reader.offset) throw new TrackDecodeError('Truncated track');
  const sourceData = Buffer.from(bytes.subarray(reader.offset, positionOffset));
  reader.offset = positionOffset;
  const position = reader.i64();
  const info: TrackInfo = {
    identifier,
    isSeekable: !isStream,
    author,
    length,
    isStream,
    position,
    title,
    uri,
    artworkUrl,
    isrc,
    sourceName,
  };
  return { info, version, sourceData };
}

/** Encodes a probe string (`mp3`, `ogg|opus`) as the source-specific section of `http`/`local` tracks. */
export function encodeProbeInfo(probe: string): Buffer {
  const writer = new Writer();
  writer.utf(probe);
  return writer.toBuffer();
}

/** Reads the probe string written by {@link encodeProbeInfo}; `null` when the section is not one. */
export function decodeProbeInfo(sourceData: Buffer): string | null {
  try {
    const reader = new Reader(sourceData);
    const probe = reader.utf();
    return reader.offset === sourceData.length ? probe : null;
  } catch {
    return null;
  }
}

class Writer {
  private readonly chunks: Buffer[] = [];

  u8(value: number): void {
    this.chunks.push(Buffer.from([value & 0xff]));
  }

  bool(value: boolean): void {
    this.u8(value ? 1 : 0);
  }

  i64(value: number): void {
    const big = BigInt(Math.trunc(value));
    const chunk = Buffer.allocUnsafe(8);
    chunk.writeBigInt64BE(big > INT64_MAX ? INT64_MAX : big);
    this.chunks.push(chunk);
  }

  utf(text: string): void {
    const bytes = encodeModifiedUtf8(text);
    if (bytes.length > MAX_MODIFIED_UTF8_BYTES) throw new RangeError('String too long for a track field');
    const prefix = Buffer.allocUnsafe(2);
    prefix.writeUInt16BE(bytes.length);
    this.chunks.push(prefix, bytes);
  }

  nullableUtf(text: string | null): void {
    this.bool(text !== null);
    if (text !== null) this.utf(text);
  }

  raw(bytes: Buffer): void {
    this.chunks.push(bytes);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

class Reader {
  offset = 0;

  constructor(private readonly bytes: Buffer) {}

  private need(count: number): void {
    if (this.offset + count > this.bytes.length) throw new TrackDecodeError('Truncated track');
  }

  u8(): number {
    this.need(1);
    return this.bytes.readUInt8(this.offset++);
  }

  u32(): number {
    this.need(4);
    const value = this.bytes.readUInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  bool(): boolean {
    return this.u8() !== 0;
  }

  i64(): number {
    this.need(8);
    const value = this.bytes.readBigInt64BE(this.offset);
    this.offset += 8;
    return Number(value);
  }

  utf(): string {
    this.need(2);
    const length = this.bytes.readUInt16BE(this.offset);
    this.offset += 2;
    this.need(length);
    const slice = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    try {
      return decodeModifiedUtf8(slice);
    } catch (error) {
      throw new TrackDecodeError((error as Error).message);
    }
  }

  nullableUtf(): string | null {
    return this.bool() ? this.utf() : null;
  }
}
