import { DecoderError } from './decoder-error.js';

/** Matroska element ids this reader understands (ids keep their length marker, as the spec writes them). */
const ID = {
  ebml: 0x1a45dfa3,
  segment: 0x18538067,
  tracks: 0x1654ae6b,
  trackEntry: 0xae,
  trackNumber: 0xd7,
  codecId: 0x86,
  codecPrivate: 0x63a2,
  cluster: 0x1f43b675,
  blockGroup: 0xa0,
  block: 0xa1,
  simpleBlock: 0xa3,
} as const;

/** Elements whose children we walk; every other element is read whole (if wanted) or skipped unbuffered. */
const MASTERS = new Set<number>([ID.segment, ID.tracks, ID.trackEntry, ID.cluster, ID.blockGroup]);
const WANTED = new Set<number>([ID.trackNumber, ID.codecId, ID.codecPrivate, ID.block, ID.simpleBlock]);
/** An element we must buffer (a block, a codec header) larger than this is corrupt input, not audio. */
const MAX_ELEMENT_BYTES = 4 * 1_048_576;

/** A track entry as far as it has been read. */
export interface MatroskaTrack {
  number: number;
  codecId: string;
  codecPrivate: Uint8Array;
}

/** One coded frame of a track. */
export interface MatroskaFrame {
  readonly track: number;
  readonly data: Uint8Array;
}

function vintLength(first: number): number {
  for (let length = 1; length <= 8; length++) if (first & (0x80 >> (length - 1))) return length;
  return 0;
}

/** Reads a variable-length integer at `at`; `null` when the buffer is too short. */
function readVint(
  bytes: Uint8Array,
  at: number,
  keepMarker: boolean,
): { value: number; length: number } | null {
  const first = bytes[at];
  if (first === undefined) return null;
  const length = vintLength(first);
  if (length === 0)
    throw new DecoderError('DECODER_INVALID_DATA', 'WebM: invalid EBML variable-length integer');
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let index = 1; index < length; index++) {
    const byte = bytes[at + index] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value: !keepMarker && allOnes ? -1 : value, length };
}

/** An EBML string: ASCII, possibly padded with NULs. */
function readString(bytes: Uint8Array): string {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return new TextDecoder().decode(bytes.subarray(0, end));
}

function readUint(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

/**
 * Streaming Matroska/WebM reader: push bytes, get track entries and frames. Master elements of unknown size
 * (live WebM) are handled by descending into them; unneeded elements (Cues, attachments) are skipped
 * without buffering them.
 */
export class EbmlReader {
  private buffer = new Uint8Array(0);
  private skipRemaining = 0;
  private current: MatroskaTrack | null = null;
  /** Track entries read so far (complete by the time the first cluster's frames arrive). */
  public readonly tracks: MatroskaTrack[] = [];

  public push(chunk: Uint8Array): MatroskaFrame[] {
    let data = chunk;
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, data.length);
      this.skipRemaining -= skipped;
      data = data.subarray(skipped);
    }
    const joined = new Uint8Array(this.buffer.length + data.length);
    joined.set(this.buffer);
    joined.set(data, this.buffer.length);
    const events: MatroskaFrame[] = [];
    const used = this.parse(joined, events);
    this.buffer = joined.slice(used);
    return events;
  }

  private parse(bytes: Uint8Array, events: MatroskaFrame[]): number {
    let at = 0;
    while (this.skipRemaining === 0) {
      const id = readVint(bytes, at, true);
      if (id === null) break;
      const size = readVint(bytes, at + id.length, false);
      if (size === null) break;
      const payloadAt = at + id.length + size.length;
      if (MASTERS.has(id.value) || id.value === ID.ebml) {
        if (id.value === ID.trackEntry) {
          this.current = { number: 0, codecId: '', codecPrivate: new Uint8Array(0) };
          this.tracks.push(this.current);
        }
        // The EBML header is small and uninteresting: skip it like any leaf.
        if (id.value !== ID.ebml) {
          at = payloadAt;
          continue;
        }
      }
      if (size.value < 0) throw new DecoderError('DECODER_INVALID_DATA', 'WebM: unknown-size leaf element');
      if (!WANTED.has(id.value)) {
        const available = bytes.length - payloadAt;
        if (available < size.value) {
          this.skipRemaining = size.value - Math.max(0, available);
          return bytes.length;
        }
        at = payloadAt + size.value;
        continue;
      }
      if (size.value > MAX_ELEMENT_BYTES)
        throw new DecoderError('DECODER_INVALID_DATA', 'WebM: oversized element');
      if (payloadAt + size.value > bytes.length) break;
      this.leaf(id.value, bytes.subarray(payloadAt, payloadAt + size.value), events);
      at = payloadAt + size.value;
    }
    return at;
  }

  private leaf(id: number, payload: Uint8Array, events: MatroskaFrame[]): void {
    if (id === ID.block || id === ID.simpleBlock) this.block(payload, events);
    else if (this.current === null) return;
    else if (id === ID.trackNumber) this.current.number = readUint(payload);
    else if (id === ID.codecId) this.current.codecId = readString(payload);
    else this.current.codecPrivate = payload.slice();
  }

  private block(payload: Uint8Array, events: MatroskaFrame[]): void {
    const track = readVint(payload, 0, false);
    if (track === null || payload.length < track.length + 3) return;
    const flags = payload[track.length + 2] ?? 0;
    const lacing = (flags >> 1) & 0x03;
    const body = payload.subarray(track.length + 3);
    if (lacing === 0) {
      events.push({ track: track.value, data: body.slice() });
      return;
    }
    if (lacing === 2) {
      // Fixed-size lacing: a frame count byte, then equal frames.
      const count = (body[0] ?? 0) + 1;
      const size = Math.floor((body.length - 1) / count);
      for (let index = 0; index < count; index++) {
        const from = 1 + index * size;
        events.push({ track: track.value, data: body.slice(from, from + size) });
      }
      return;
    }
    throw new DecoderError('DECODER_INVALID_DATA', 'WebM: Xiph/EBML laced blocks are not supported');
  }
}
