import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findExecutable } from '../../src/sources/ffmpeg-locator.js';
import { sniffFormat } from '../../src/sources/format-detect.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

const PATH = process.env.PATH ?? '';
const hasFfmpeg = (await findExecutable('ffmpeg', PATH)) !== null;
const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));

describe('format detection', () => {
  it.each([
    ['tone-440hz-3s.mp3', 'mp3'],
    ['tone-440hz-1s.flac', 'flac'],
    ['tone-440hz-1s.ogg', 'ogg-vorbis'],
    ['tone-440hz-1s.opus', 'ogg-opus'],
    ['tone-440hz-1s.webm', 'webm-opus'],
  ])('recognises %s as %s from its bytes', (name, format) => {
    expect(sniffFormat(fixture(name).subarray(0, 16_384))).toEqual({ kind: 'native', format });
  });

  it('recognises WAV, and MP4/AAC as needing ffmpeg', () => {
    expect(sniffFormat(makeWav({ seconds: 0.1 }))).toEqual({ kind: 'native', format: 'wav' });
    expect(sniffFormat(fixture('tone-440hz-1s.m4a'))).toMatchObject({ kind: 'ffmpeg', name: 'mp4' });
    expect(sniffFormat(Buffer.from([0xff, 0xf1, 0x50, 0x80, 0, 0, 0, 0]))).toMatchObject({
      kind: 'ffmpeg',
      name: 'aac',
    });
  });

  it('falls back to the MIME type, else unknown', () => {
    expect(sniffFormat(Buffer.alloc(64), 'audio/mpeg; charset=x')).toEqual({ kind: 'native', format: 'mp3' });
    expect(sniffFormat(Buffer.from('<html>hello</html>'), 'text/html')).toEqual({ kind: 'unknown' });
  });
});

describe('loading every supported format', () => {
  let node: TestNode;
  let withFfmpeg: TestNode;
  let media: MediaServer;
  let dir: string;

  const load = async (target: TestNode, identifier: string) => {
    const res = await target.rest(`/v4/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    const body = (await res.json()) as {
      loadType: string;
      data: { info: { length: number; title: string }; message?: string };
    };
    validate.loadResult(body);
    return body;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audio-node-formats-'));
    for (const name of [
      'tone-440hz-3s.mp3',
      'tone-440hz-1s.flac',
      'tone-440hz-1s.ogg',
      'tone-440hz-1s.opus',
      'tone-440hz-1s.webm',
      'tone-440hz-1s.m4a',
    ]) {
      copyFileSync(new URL(`../fixtures/${name}`, import.meta.url), join(dir, name));
    }
    media = await startMediaServer({
      '/tone.ogg': { kind: 'file', body: fixture('tone-440hz-1s.ogg'), type: 'application/ogg' },
      '/tone.opus': { kind: 'file', body: fixture('tone-440hz-1s.opus'), type: 'audio/ogg' },
      '/tone.flac': { kind: 'file', body: fixture('tone-440hz-1s.flac'), type: 'audio/flac' },
      '/tone.mp3': { kind: 'file', body: fixture('tone-440hz-3s.mp3'), type: 'audio/mpeg' },
      '/tone.m4a': { kind: 'file', body: fixture('tone-440hz-1s.m4a'), type: 'audio/mp4' },
      '/page.html': { kind: 'file', body: Buffer.from('<html></html>'), type: 'text/html' },
      '/missing.mp3': { kind: 'status', status: 404 },
    });
    node = await startTestNode({ musicDirs: [dir], executablePath: '' });
    withFfmpeg = await startTestNode({ musicDirs: [dir], executablePath: PATH });
  });
  afterAll(async () => {
    await node.close();
    await withFfmpeg.close();
    await media.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['tone-440hz-3s.mp3', 3_000],
    ['tone-440hz-1s.flac', 1_000],
    ['tone-440hz-1s.ogg', 1_000],
    ['tone-440hz-1s.opus', 1_000],
    ['tone-440hz-1s.webm', 1_000],
  ])('loads local %s with its duration', async (name, lengthMs) => {
    const result = await load(node, name);
    expect(result.loadType).toBe('track');
    expect(Math.abs(result.data.info.length - lengthMs)).toBeLessThanOrEqual(100);
  });

  it.each([
    ['/tone.ogg', 1_000],
    ['/tone.opus', 1_000],
    ['/tone.flac', 1_000],
    ['/tone.mp3', 3_000],
  ])('loads %s over HTTP with its duration (Ogg from the last page)', async (path, lengthMs) => {
    const result = await load(node, `${media.url}${path}`);
    expect(result.loadType).toBe('track');
    expect(Math.abs(result.data.info.length - lengthMs)).toBeLessThanOrEqual(100);
  });

  it('GIVEN no ffmpeg on PATH THEN an MP4 gives an error naming ffmpeg', async () => {
    for (const identifier of ['tone-440hz-1s.m4a', `${media.url}/tone.m4a`]) {
      const result = await load(node, identifier);
      expect(result.loadType).toBe('error');
      expect(result.data.message).toMatch(/needs ffmpeg on PATH, which was not found/);
    }
  });

  it.skipIf(!hasFfmpeg)('GIVEN ffmpeg on PATH THEN an MP4 loads', async () => {
    const result = await load(withFfmpeg, 'tone-440hz-1s.m4a');
    expect(result.loadType).toBe('track');
  });

  it('GIVEN local:query THEN a search result over the indexed files', async () => {
    const result = (await load(node, 'local:tone 440hz')) as unknown as {
      loadType: string;
      data: { info: { sourceName: string } }[];
    };
    expect(result.loadType).toBe('search');
    expect(result.data.length).toBeGreaterThanOrEqual(5);
    expect(result.data.every((t) => t.info.sourceName === 'local')).toBe(true);
    expect(await load(node, 'local:no such thing')).toEqual({ loadType: 'empty', data: null });
  });

  it('GIVEN a web page or a 404 THEN a clear error', async () => {
    expect((await load(node, `${media.url}/page.html`)).data.message).toMatch(
      /Unknown or unsupported audio format/,
    );
    expect((await load(node, `${media.url}/missing.mp3`)).data.message).toMatch(/HTTP 404/);
  });
});
