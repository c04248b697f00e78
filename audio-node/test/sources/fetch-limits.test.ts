/**
 * Size and time limits on what loading fetches: a playlist past the size limit and a server that stalls or
 * trickles past the time limit give clear `error` load results instead of holding the load open. The
 * limits are made small here so each case takes a fraction of a second.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

const PLAYLIST_BYTES = 1_024;
const PROBE_TIMEOUT_MS = 300;
/** A load that hits the time limit must answer well before this (a hung load would not). */
const ANSWER_WITHIN_MS = 5_000;

/** An M3U of `count` entries (about 25 bytes each). */
function m3u(count: number): Buffer {
  const lines = ['#EXTM3U'];
  for (let i = 0; i < count; i++) lines.push(`#EXTINF:1,Tone ${i}`, `/tone.wav?${i}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

/** The first bytes of an MP3 (a frame header and some of its frame), enough to look like one. */
const MP3_START = Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Buffer.alloc(60)]);

describe('size and time limits on fetched sources', () => {
  let node: TestNode;
  let media: MediaServer;
  let musicDir: string;

  async function load(identifier: string): Promise<{ loadType: string; data: Record<string, unknown> }> {
    const res = await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { loadType: string; data: Record<string, unknown> };
    validate.loadResult(body);
    return body;
  }

  beforeAll(async () => {
    expect(m3u(10).length).toBeLessThan(PLAYLIST_BYTES);
    expect(m3u(100).length).toBeGreaterThan(PLAYLIST_BYTES);
    musicDir = mkdtempSync(join(tmpdir(), 'audio-node-limits-'));
    writeFileSync(join(musicDir, 'tone.wav'), makeWav({ seconds: 0.1 }));
    writeFileSync(join(musicDir, 'small.m3u'), 'tone.wav\n');
    writeFileSync(join(musicDir, 'big.m3u'), 'tone.wav\n'.repeat(200));
    media = await startMediaServer({
      '/tone.wav': { kind: 'file', body: makeWav({ seconds: 0.1 }), type: 'audio/wav' },
      '/small.m3u': { kind: 'file', body: m3u(10), type: 'audio/x-mpegurl' },
      '/big.m3u': { kind: 'file', body: m3u(100), type: 'audio/x-mpegurl' },
      // No Content-Length to refuse it by: the size shows only while reading, and the body never ends.
      '/endless.m3u': { kind: 'stall', headers: true, type: 'audio/x-mpegurl', head: m3u(100) },
      // A playlist served as a file of another type is recognised by its first line.
      '/big-list.txt': { kind: 'file', body: m3u(100), type: 'text/plain' },
      '/silent.mp3': { kind: 'stall', headers: false },
      '/stalled.mp3': { kind: 'stall', headers: true, type: 'audio/mpeg', head: MP3_START },
      // 20 bytes a second: never idle for the time limit, never done within it.
      '/trickle': {
        kind: 'radio',
        name: 'Trickle FM',
        chunk: MP3_START,
        type: 'audio/mpeg',
        bytesPerSecond: 20,
      },
    });
    node = await startTestNode({
      musicDirs: [musicDir],
      sourceLimits: { playlistBytes: PLAYLIST_BYTES, probeTimeoutMs: PROBE_TIMEOUT_MS },
    });
  });
  afterAll(async () => {
    await node.close();
    await media.close();
    rmSync(musicDir, { recursive: true, force: true });
  });

  it('GIVEN a playlist within the size limit THEN it loads', async () => {
    const result = await load(`${media.url}/small.m3u`);
    expect(result.loadType).toBe('playlist');
    expect((result.data.tracks as unknown[]).length).toBe(10);
    expect((await load(join(musicDir, 'small.m3u'))).loadType).toBe('playlist');
  });

  it.each([
    ['announced by Content-Length', '/big.m3u'],
    ['with no length, found while reading', '/endless.m3u'],
    ['served under another type', '/big-list.txt'],
  ])('GIVEN an HTTP playlist past the size limit, %s, THEN SOURCE_TOO_LARGE', async (_what, path) => {
    const result = await load(`${media.url}${path}`);
    expect(result).toMatchObject({
      loadType: 'error',
      data: {
        cause: 'SOURCE_TOO_LARGE',
        message: `The playlist at ${media.url}${path} is larger than the ${PLAYLIST_BYTES} bytes a playlist may have`,
      },
    });
  });

  it('GIVEN a local playlist past the size limit THEN SOURCE_TOO_LARGE', async () => {
    const result = await load(join(musicDir, 'big.m3u'));
    expect(result).toMatchObject({
      loadType: 'error',
      data: { cause: 'SOURCE_TOO_LARGE', message: 'Playlist big.m3u is too large' },
    });
  });

  it.each([
    ['never answers', '/silent.mp3'],
    ['sends headers and a few bytes, then stalls', '/stalled.mp3'],
    ['trickles bytes, never idle but never done', '/trickle'],
  ])('GIVEN a server that %s THEN SOURCE_TIMEOUT within the time limit', async (_what, path) => {
    const startedAt = Date.now();
    const result = await load(`${media.url}${path}`);
    expect(Date.now() - startedAt).toBeLessThan(ANSWER_WITHIN_MS);
    expect(result).toMatchObject({ loadType: 'error', data: { cause: 'SOURCE_TIMEOUT' } });
    // Names the server and the limit: "No data from <host> for 300 ms" or "Reading <url> took longer than 300 ms".
    expect(result.data.message).toContain(new URL(media.url).host);
    expect(result.data.message).toContain(`${PROBE_TIMEOUT_MS} ms`);
  });
});
