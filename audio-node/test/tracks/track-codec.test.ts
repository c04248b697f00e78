import { describe, expect, it } from 'vitest';
import {
  decodeProbeInfo,
  decodeTrack,
  encodeProbeInfo,
  encodeTrack,
  TrackDecodeError,
} from '../../src/tracks/track-codec.js';
import { decodeModifiedUtf8, encodeModifiedUtf8 } from '../../src/tracks/modified-utf8.js';
import type { TrackInfo } from '../../src/tracks/track-types.js';
import { javaEncodings, type JavaTrackSpec } from '../support/java-reference.js';

/** The sample track of Lavalink's documentation (version 2, YouTube). */
const DOCS_SAMPLE =
  'QAAAjQIAJVJpY2sgQXN0bGV5IC0gTmV2ZXIgR29ubmEgR2l2ZSBZb3UgVXAADlJpY2tBc3RsZXlWRVZPAAAAAAADPCAAC2RRdzR3OVdnWGNRAAEAK2h0dHBzOi8vd3d3LnlvdXR1YmUuY29tL3dhdGNoP3Y9ZFF3NHc5V2dYY1EAB3lvdXR1YmUAAAAAAAAAAA==';

const TRICKY = 'NUL\0 é ß € 𝄞 🎵👩‍👩‍👧 end';

function info(overrides: Partial<TrackInfo> = {}): TrackInfo {
  return {
    identifier: 'https://radio.example/stream.mp3',
    isSeekable: true,
    author: 'Artist',
    length: 215_000,
    isStream: false,
    position: 0,
    title: 'Title',
    uri: 'https://radio.example/stream.mp3',
    artworkUrl: null,
    isrc: null,
    sourceName: 'http',
    ...overrides,
  };
}

describe('modified UTF-8', () => {
  it('writes NUL as C0 80 and a supplementary character as two 3-byte surrogates', () => {
    expect([...encodeModifiedUtf8('\0')]).toEqual([0xc0, 0x80]);
    expect(encodeModifiedUtf8('🎵')).toHaveLength(6);
    expect([...encodeModifiedUtf8('🎵').subarray(0, 3)]).toEqual([0xed, 0xa0, 0xbc]);
  });

  it('round-trips emoji, NUL and accents', () => {
    expect(decodeModifiedUtf8(encodeModifiedUtf8(TRICKY))).toBe(TRICKY);
  });

  it('GIVEN a truncated sequence THEN throws', () => {
    expect(() => decodeModifiedUtf8(Uint8Array.from([0xe0, 0x80]))).toThrow(RangeError);
  });
});

describe('lavaplayer track codec', () => {
  it("decodes the documentation's version 2 sample track", () => {
    const track = decodeTrack(DOCS_SAMPLE);
    expect(track.version).toBe(2);
    expect(track.info).toEqual({
      identifier: 'dQw4w9WgXcQ',
      isSeekable: true,
      author: 'RickAstleyVEVO',
      length: 212_000,
      isStream: false,
      position: 0,
      title: 'Rick Astley - Never Gonna Give You Up',
      uri: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      artworkUrl: null,
      isrc: null,
      sourceName: 'youtube',
    });
  });

  it('round-trips a version 3 track with emoji and NUL in every text field', () => {
    const original = info({
      title: TRICKY,
      author: TRICKY,
      artworkUrl: 'https://a/🎵.png',
      isrc: 'USRC17607839',
      position: 1234,
    });
    const decoded = decodeTrack(encodeTrack(original, encodeProbeInfo('mp3')));
    expect(decoded.version).toBe(3);
    expect(decoded.info).toEqual(original);
    expect(decodeProbeInfo(decoded.sourceData)).toBe('mp3');
  });

  it("clamps a stream's length to Long.MAX_VALUE", () => {
    const encoded = encodeTrack(
      info({ isStream: true, isSeekable: false, length: 2 ** 63 }),
      encodeProbeInfo('mp3'),
    );
    expect(Buffer.from(encoded, 'base64').includes(Buffer.from('7fffffffffffffff', 'hex'))).toBe(true);
  });

  it.each(['', 'not base64!', 'AAAA', 'QAAAAQM=', Buffer.from([0x40, 0, 0, 10, 9, 0, 0]).toString('base64')])(
    'GIVEN malformed input %j THEN TrackDecodeError',
    (bad) => {
      expect(() => decodeTrack(bad)).toThrow(TrackDecodeError);
    },
  );
});

const SPECS: JavaTrackSpec[] = [
  {
    version: 3,
    title: TRICKY,
    author: 'Auteur é',
    length: 215_000n,
    identifier: '/music/🎵.flac',
    isStream: false,
    uri: '/music/🎵.flac',
    artworkUrl: 'https://a/b.jpg',
    isrc: 'GBAYE0601498',
    sourceName: 'local',
    probe: 'flac',
    position: 5_000n,
  },
  {
    version: 3,
    title: 'Radio',
    author: 'Unknown artist',
    length: 9_223_372_036_854_775_807n,
    identifier: 'http://r/s',
    isStream: true,
    uri: 'http://r/s',
    artworkUrl: null,
    isrc: null,
    sourceName: 'http',
    probe: 'mp3',
    position: 0n,
  },
  {
    version: 2,
    title: 'Old',
    author: 'A',
    length: 1_000n,
    identifier: 'id',
    isStream: false,
    uri: null,
    artworkUrl: null,
    isrc: null,
    sourceName: 'http',
    probe: 'wav',
    position: 0n,
  },
  {
    version: 1,
    title: 'Oldest \0 NUL',
    author: 'B',
    length: 2_000n,
    identifier: 'x',
    isStream: false,
    uri: null,
    artworkUrl: null,
    isrc: null,
    sourceName: 'http',
    probe: 'mp3',
    position: 0n,
  },
  {
    version: 3,
    title: '',
    author: '',
    length: 0n,
    identifier: 'yt',
    isStream: false,
    uri: null,
    artworkUrl: null,
    isrc: null,
    sourceName: 'youtube',
    probe: null,
    position: 0n,
  },
];

describe('cross-check against Java 17 DataOutputStream', () => {
  const reference = javaEncodings(SPECS);

  it.skipIf(reference === null).each(SPECS.map((spec, index) => [spec.version, spec.title, index] as const))(
    'GIVEN a version %i track titled %j encoded by Java THEN it decodes to the same fields',
    (_version, _title, index) => {
      const spec = SPECS[index]!;
      const decoded = decodeTrack(reference![index]!);
      expect(decoded.version).toBe(spec.version);
      expect(decoded.info).toMatchObject({
        title: spec.title,
        author: spec.author,
        identifier: spec.identifier,
        isStream: spec.isStream,
        uri: spec.uri,
        artworkUrl: spec.artworkUrl,
        isrc: spec.isrc,
        sourceName: spec.sourceName,
        position: Number(spec.position),
        length: Number(spec.length),
      });
      expect(decodeProbeInfo(decoded.sourceData)).toBe(spec.probe);
    },
  );

  it.skipIf(reference === null)(
    'GIVEN version 3 tracks THEN this encoder writes the same bytes as Java',
    () => {
      for (const [index, spec] of SPECS.entries()) {
        if (spec.version !== 3) continue;
        const mine = encodeTrack(
          { ...decodeTrack(reference![index]!).info },
          spec.probe === null ? Buffer.alloc(0) : encodeProbeInfo(spec.probe),
        );
        expect(mine).toBe(reference![index]);
      }
    },
  );
});
