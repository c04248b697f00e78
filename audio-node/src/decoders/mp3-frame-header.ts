/** What the first MPEG audio frame says about byte-to-time mapping. */
export interface Mp3StreamInfo {
  /** Byte of the first audio frame (after any ID3v2 tag). */
  readonly firstFrameOffset: number;
  readonly bitrateKbps: number;
  readonly sampleRate: number;
  /** True for constant bitrate (no `Xing` VBR tag), where byte offsets map linearly to time. */
  readonly constantBitrate: boolean;
}

const BITRATES_V1_L3 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2_L3 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const SAMPLE_RATES_V1 = [44_100, 48_000, 32_000];
/** Bytes of the first frame searched for a `Xing`/`Info` tag. */
const TAG_SEARCH_BYTES = 64;
const ID3_HEADER_BYTES = 10;

function id3Size(bytes: Uint8Array): number {
  if (bytes.length < ID3_HEADER_BYTES || bytes[0] !== 0x49 || bytes[1] !== 0x44 || bytes[2] !== 0x33)
    return 0;
  const size =
    (((bytes[6] ?? 0) & 0x7f) << 21) |
    (((bytes[7] ?? 0) & 0x7f) << 14) |
    (((bytes[8] ?? 0) & 0x7f) << 7) |
    ((bytes[9] ?? 0) & 0x7f);
  const footer = ((bytes[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
  return ID3_HEADER_BYTES + size + footer;
}

function hasVbrTag(bytes: Uint8Array, from: number): boolean {
  const end = Math.min(bytes.length - 4, from + TAG_SEARCH_BYTES);
  for (let at = from; at < end; at++) {
    const tag = String.fromCharCode(
      bytes[at] ?? 0,
      bytes[at + 1] ?? 0,
      bytes[at + 2] ?? 0,
      bytes[at + 3] ?? 0,
    );
    if (tag === 'Xing' || tag === 'VBRI') return true;
  }
  return false;
}

/**
 * Incrementally sniffs the start of an MP3 stream (skipping an ID3v2 tag of any size without buffering it)
 * and reports the first Layer III frame's bitrate, for seeking by byte offset in CBR files.
 */
export class Mp3HeaderSniffer {
  private head = new Uint8Array(0);
  private consumed = 0;
  private skip = -1;
  private done = false;

  /** Feeds bytes; returns the info once found, `null` while more bytes are needed or after giving up. */
  public push(chunk: Uint8Array): Mp3StreamInfo | null {
    if (this.done) return null;
    const joined = new Uint8Array(this.head.length + chunk.length);
    joined.set(this.head);
    joined.set(chunk, this.head.length);
    let bytes = joined;
    if (this.skip < 0) {
      if (bytes.length < ID3_HEADER_BYTES) {
        this.head = bytes;
        return null;
      }
      this.skip = id3Size(bytes);
    }
    const skipHere = Math.min(this.skip - this.consumed, bytes.length);
    if (skipHere > 0) {
      this.consumed += skipHere;
      bytes = bytes.subarray(skipHere);
    }
    this.head = bytes.slice();
    if (this.consumed < this.skip || bytes.length < TAG_SEARCH_BYTES + 40) return null;
    this.done = true;
    return this.parseFrame(bytes);
  }

  private parseFrame(bytes: Uint8Array): Mp3StreamInfo | null {
    this.head = new Uint8Array(0);
    for (let at = 0; at + 4 <= bytes.length; at++) {
      const b1 = bytes[at + 1] ?? 0;
      const b2 = bytes[at + 2] ?? 0;
      if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) continue;
      const version = (b1 >> 3) & 0x03; // 3 = MPEG1, 2 = MPEG2, 0 = MPEG2.5
      const layer = (b1 >> 1) & 0x03; // 1 = Layer III
      const bitrateIndex = b2 >> 4;
      const rateIndex = (b2 >> 2) & 0x03;
      if (version === 1 || layer !== 1 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3)
        continue;
      const base = SAMPLE_RATES_V1[rateIndex] ?? 44_100;
      const sampleRate = version === 3 ? base : version === 2 ? base / 2 : base / 4;
      const bitrateKbps = (version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex] ?? 0;
      return {
        firstFrameOffset: this.consumed + at,
        bitrateKbps,
        sampleRate,
        constantBitrate: !hasVbrTag(bytes, at + 4),
      };
    }
    return null;
  }
}

/** Byte length of the Layer III frame whose header starts at `at`, or 0 when there is no valid header. */
export function layer3FrameLength(bytes: Uint8Array, at: number): number {
  const b1 = bytes[at + 1] ?? 0;
  const b2 = bytes[at + 2] ?? 0;
  if (bytes[at] !== 0xff || (b1 & 0xe0) !== 0xe0) return 0;
  const version = (b1 >> 3) & 0x03;
  const bitrateIndex = b2 >> 4;
  const rateIndex = (b2 >> 2) & 0x03;
  if (
    version === 1 ||
    ((b1 >> 1) & 0x03) !== 1 ||
    bitrateIndex === 0 ||
    bitrateIndex === 15 ||
    rateIndex === 3
  ) {
    return 0;
  }
  const base = SAMPLE_RATES_V1[rateIndex] ?? 44_100;
  const sampleRate = version === 3 ? base : version === 2 ? base / 2 : base / 4;
  const bitrate = ((version === 3 ? BITRATES_V1_L3 : BITRATES_V2_L3)[bitrateIndex] ?? 0) * 1000;
  const padding = (b2 >> 1) & 0x01;
  return Math.floor(((version === 3 ? 144 : 72) * bitrate) / sampleRate) + padding;
}
