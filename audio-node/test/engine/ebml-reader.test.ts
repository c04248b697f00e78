import { describe, expect, it } from 'vitest';
import { EbmlReader, type MatroskaFrame } from '../../src/decoders/ebml-reader.js';

/** An EBML element: id bytes as written in the spec, size as an 8-byte vint (or unknown). */
function element(id: number[], payload: Uint8Array | null): Uint8Array {
  const size =
    payload === null
      ? [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
      : [
          0x01,
          0,
          0,
          0,
          (payload.length >>> 24) & 0xff,
          (payload.length >>> 16) & 0xff,
          (payload.length >>> 8) & 0xff,
          payload.length & 0xff,
        ];
  return concat([Uint8Array.from(id), Uint8Array.from(size), payload ?? new Uint8Array(0)]);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function simpleBlock(track: number, data: number[], lacing?: { count: number }): Uint8Array {
  const flags = lacing === undefined ? 0x80 : 0x80 | (2 << 1);
  const laceHeader = lacing === undefined ? [] : [lacing.count - 1];
  return element([0xa3], Uint8Array.from([0x80 | track, 0, 0, flags, ...laceHeader, ...data]));
}

/** A live-style WebM: unknown-size Segment and Cluster, a large element to skip, two tracks. */
function liveWebm(): Uint8Array {
  const trackEntry = (number: number, codec: string, priv: number[]): Uint8Array =>
    element(
      [0xae],
      concat([
        element([0xd7], Uint8Array.from([number])),
        element([0x86], text(codec)),
        element([0x63, 0xa2], Uint8Array.from(priv)),
      ]),
    );
  return concat([
    element([0x1a, 0x45, 0xdf, 0xa3], text('webm-header')),
    element([0x18, 0x53, 0x80, 0x67], null),
    element(
      [0x16, 0x54, 0xae, 0x6b],
      concat([trackEntry(1, 'V_VP9', [9]), trackEntry(2, 'A_OPUS', [1, 2, 3])]),
    ),
    element([0x1c, 0x53, 0xbb, 0x6b], new Uint8Array(5_000).fill(0xee)),
    element([0x1f, 0x43, 0xb6, 0x75], null),
    element([0xe7], Uint8Array.from([0])),
    simpleBlock(1, [0x99, 0x99]),
    simpleBlock(2, [0x10, 0x11, 0x12]),
    simpleBlock(2, [0x20, 0x21, 0x30, 0x31], { count: 2 }),
  ]);
}

describe('EbmlReader', () => {
  it.each([1, 7, 4_096])(
    'GIVEN a live WebM in %i-byte chunks THEN it reads both tracks and every frame, skipping the rest',
    (chunkBytes) => {
      const bytes = liveWebm();
      const reader = new EbmlReader();
      const frames: MatroskaFrame[] = [];
      for (let at = 0; at < bytes.length; at += chunkBytes)
        frames.push(...reader.push(bytes.subarray(at, at + chunkBytes)));
      expect(reader.tracks.map(({ number, codecId }) => ({ number, codecId }))).toEqual([
        { number: 1, codecId: 'V_VP9' },
        { number: 2, codecId: 'A_OPUS' },
      ]);
      expect(Array.from(reader.tracks[1]!.codecPrivate)).toEqual([1, 2, 3]);
      expect(frames.map((frame) => [frame.track, Array.from(frame.data)])).toEqual([
        [1, [0x99, 0x99]],
        [2, [0x10, 0x11, 0x12]],
        [2, [0x20, 0x21]],
        [2, [0x30, 0x31]],
      ]);
    },
  );

  it('GIVEN an Xiph-laced block THEN it fails with a clear DECODER_INVALID_DATA', () => {
    const block = element([0xa3], Uint8Array.from([0x81, 0, 0, 0x80 | (1 << 1), 1, 2, 3, 4]));
    expect(() => new EbmlReader().push(block)).toThrow(
      expect.objectContaining({ code: 'DECODER_INVALID_DATA' }),
    );
  });
});
