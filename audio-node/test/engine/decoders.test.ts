import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../src/decoders/create-decoder.js';
import { DecoderError } from '../../src/decoders/decoder-error.js';
import { findFfmpeg } from '../../src/decoders/ffmpeg-decoder.js';
import { concatPcm, type DecodedPcm } from '../../src/decoders/stream-decoder.js';
import { dominantHz } from './support/analysis.js';
import { sine, writeWav } from './support/wav.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

/** Decodes `bytes` fed in `chunkBytes` pieces, as a network stream would deliver them. */
async function decodeAll(bytes: Uint8Array, format: string, chunkBytes = 4_099): Promise<DecodedPcm> {
  const decoder = await createDecoder({ format, head: bytes.subarray(0, 64) });
  const blocks: DecodedPcm[] = [];
  for (let at = 0; at < bytes.length; at += chunkBytes) {
    const pcm = await decoder.decode(bytes.slice(at, at + chunkBytes));
    if (pcm !== null)
      blocks.push({ channels: pcm.channels.map((c) => c.slice()), sampleRate: pcm.sampleRate });
  }
  const rest = await decoder.flush();
  if (rest !== null) blocks.push(rest);
  decoder.free();
  const joined = concatPcm(blocks);
  if (joined === null) throw new Error('no audio decoded');
  return joined;
}

function seconds(pcm: DecodedPcm): number {
  return (pcm.channels[0]?.length ?? 0) / pcm.sampleRate;
}

function hz(pcm: DecodedPcm): number {
  const samples = pcm.channels[0]!;
  return dominantHz(
    samples.subarray(Math.floor(samples.length * 0.2), Math.floor(samples.length * 0.8)),
    pcm.sampleRate,
  );
}

describe('WAV decoder (own RIFF parser)', () => {
  it.each([
    { bits: 16 as const, float: false },
    { bits: 24 as const, float: false },
    { bits: 32 as const, float: false },
    { bits: 32 as const, float: true },
  ])(
    'GIVEN $bits-bit (float $float) stereo 440 Hz THEN it decodes to 440 Hz at full length',
    async (encoding) => {
      const pcm = await decodeAll(writeWav(sine(440, 44_100, 1), 44_100, encoding), 'wav', 1_001);
      expect(pcm.sampleRate).toBe(44_100);
      expect(pcm.channels).toHaveLength(2);
      expect(seconds(pcm)).toBeCloseTo(1, 3);
      expect(Math.abs(hz(pcm) - 440)).toBeLessThan(8.8);
      expect(Math.max(...pcm.channels[0]!.subarray(0, 2_000))).toBeCloseTo(0.5, 2);
    },
  );

  it('GIVEN a tag chunk after the data chunk THEN its bytes are not played as audio', async () => {
    const wav = writeWav(sine(440, 8_000, 0.1), 8_000);
    const tagged = Buffer.concat([
      wav,
      Buffer.from('id3 '),
      Buffer.from([16, 0, 0, 0]),
      Buffer.alloc(16, 0x7f),
    ]);
    const pcm = await decodeAll(tagged, 'wav', 333);
    expect(pcm.channels[0]!.length).toBe(800);
  });

  it('GIVEN bytes that are not RIFF THEN it fails with DECODER_INVALID_DATA', async () => {
    const decoder = await createDecoder({ format: 'wav', head: new Uint8Array(0) });
    await expect(decoder.decode(Buffer.from('RIFX....WAVEfmt nonsense'))).rejects.toMatchObject({
      code: 'DECODER_INVALID_DATA',
    });
  });
});

describe('WASM and demuxing decoders', () => {
  it.each([
    { file: 'tone-440hz-3s.mp3', format: 'audio/mpeg', length: 3 },
    { file: 'tone-440hz-1s.flac', format: 'flac', length: 1 },
    { file: 'tone-440hz-1s.ogg', format: 'ogg', length: 1 },
    { file: 'tone-440hz-1s.opus', format: 'audio/ogg', length: 1 },
    { file: 'tone-440hz-1s.webm', format: 'webm', length: 1 },
  ])('GIVEN $file THEN it decodes to 440 Hz +-2% for about $length s', async ({ file, format, length }) => {
    const pcm = await decodeAll(fixture(file), format);
    expect(Math.abs(hz(pcm) - 440)).toBeLessThan(8.8);
    expect(Math.abs(seconds(pcm) - length)).toBeLessThan(0.1);
  });

  it('GIVEN a CBR MP3 THEN its seek index maps bytes to time from the first frame', async () => {
    const bytes = fixture('tone-440hz-3s.mp3');
    const decoder = await createDecoder({ format: 'mp3', head: bytes.subarray(0, 64) });
    await decoder.decode(bytes.subarray(0, 8_192));
    expect(decoder.seekIndex()).toMatchObject({ bytesPerSecond: 8_000, blockAlign: 1, headerless: false });
    decoder.free();
  });
});

describe('formats without a built-in decoder', () => {
  it.skipIf(findFfmpeg() === null)(
    'GIVEN AAC in MP4 and ffmpeg on PATH THEN ffmpeg decodes it to 440 Hz',
    async () => {
      const pcm = await decodeAll(fixture('tone-440hz-1s.m4a'), 'audio/mp4', 65_536);
      expect(pcm.sampleRate).toBe(48_000);
      expect(Math.abs(hz(pcm) - 440)).toBeLessThan(8.8);
    },
  );

  it('GIVEN AAC and no ffmpeg on PATH THEN the error names what is missing', async () => {
    const saved = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      const attempt = createDecoder({
        format: 'audio/aac',
        head: fixture('tone-440hz-1s.m4a').subarray(0, 64),
      });
      await expect(attempt).rejects.toBeInstanceOf(DecoderError);
      await expect(attempt).rejects.toMatchObject({
        code: 'DECODER_FFMPEG_MISSING',
        message: /install ffmpeg/,
      });
    } finally {
      process.env['PATH'] = saved;
    }
  });
});
