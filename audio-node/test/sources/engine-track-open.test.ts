import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger } from '@discord-bot/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpAllowlist } from '../../src/security/http-allowlist.js';
import { systemResolver } from '../../src/security/safe-fetch.js';
import { ArtworkStore } from '../../src/sources/artwork-store.js';
import { LocalLibrary } from '../../src/sources/local-library.js';
import { SourceManager } from '../../src/sources/source-manager.js';
import { DefaultSourceLimits, type SourceContext } from '../../src/sources/source-context.js';
import { decodeTrack } from '../../src/tracks/track-codec.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { makeWav } from '../support/wav.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe("EngineTrack.open: the engine's byte streams", () => {
  const wav = makeWav({ seconds: 1, sampleRate: 8000, channels: 1 });
  let media: MediaServer;
  let dir: string;
  let sources: SourceManager;
  let ctx: SourceContext;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audio-node-open-'));
    writeFileSync(join(dir, 'tone.wav'), wav);
    media = await startMediaServer({
      '/tone.wav': { kind: 'file', body: wav, type: 'audio/wav' },
      // A minute of 48 kHz stereo: far more than socket buffers hold while the reader pauses.
      '/big.wav': {
        kind: 'file',
        body: makeWav({ seconds: 60, sampleRate: 48_000, channels: 2 }),
        type: 'audio/wav',
      },
      '/list.m3u': {
        kind: 'file',
        body: Buffer.from('#EXTM3U\n#EXTINF:1,Tone\n/tone.wav\n'),
        type: 'audio/x-mpegurl',
      },
    });
    ctx = {
      allowlist: createHttpAllowlist(['127.0.0.1']),
      resolver: systemResolver,
      musicDirs: [dir],
      ffmpegPath: null,
      logger: createSilentLogger(),
      artwork: new ArtworkStore(),
      limits: DefaultSourceLimits,
    };
    sources = new SourceManager(ctx, new LocalLibrary(ctx));
  });
  afterAll(async () => {
    await media.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function engineTrackOf(identifier: string) {
    const result = await sources.load(identifier);
    if (result.loadType !== 'track') throw new Error(`expected a track, got ${result.loadType}`);
    const engineTrack = sources.engineTrack(decodeTrack(result.data.encoded));
    if (!engineTrack.ok) throw new Error(engineTrack.error);
    return engineTrack.value;
  }

  it('GIVEN an HTTP file THEN open(n) sends a range request and reports where the bytes start', async () => {
    const track = await engineTrackOf(`${media.url}/tone.wav`);
    expect(track).toMatchObject({ isStream: false, isSeekable: true, lengthMs: 1_000 });
    const whole = await track.open();
    expect(whole).toMatchObject({ format: 'wav', startByte: 0 });
    expect((await readAll(whole.stream)).equals(wav)).toBe(true);
    const tail = await track.open(10_000);
    expect(tail.startByte).toBe(10_000);
    expect((await readAll(tail.stream)).equals(wav.subarray(10_000))).toBe(true);
    expect(media.requests.at(-1)?.range).toBe('bytes=10000-');
  });

  it('GIVEN an HTTP file whose reader pauses longer than the idle timeout THEN it reads on after the pause', async () => {
    const idleMs = 300;
    const patient = new SourceManager(
      { ...ctx, limits: { ...DefaultSourceLimits, playbackIdleTimeoutMs: idleMs } },
      new LocalLibrary(ctx),
    );
    const result = await patient.load(`${media.url}/big.wav`);
    if (result.loadType !== 'track') throw new Error(`expected a track, got ${result.loadType}`);
    const track = patient.engineTrack(decodeTrack(result.data.encoded));
    if (!track.ok) throw new Error(track.error);
    const { stream } = await track.value.open();
    const errors: unknown[] = [];
    stream.on('error', (error) => errors.push(error));
    // Paused after the first chunk, as the engine does until its worker asks for more.
    await new Promise((resolve) => stream.once('data', resolve));
    stream.pause();
    await new Promise((resolve) => setTimeout(resolve, idleMs * 4));
    expect(errors).toEqual([]);
    const rest = await readAll(stream);
    expect(rest.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('GIVEN a playlist entry (format unknown at load) THEN the first open sniffs it once, and seeks use ranges', async () => {
    const result = await sources.load(`${media.url}/list.m3u`);
    if (result.loadType !== 'playlist') throw new Error(`expected a playlist, got ${result.loadType}`);
    const engineTrack = sources.engineTrack(decodeTrack(result.data.tracks[0]!.encoded));
    if (!engineTrack.ok) throw new Error(engineTrack.error);
    const before = media.requests.length;
    const seeked = await engineTrack.value.open(4_000);
    expect(seeked).toMatchObject({ format: 'wav', startByte: 4_000 });
    expect((await readAll(seeked.stream)).equals(wav.subarray(4_000))).toBe(true);
    expect(media.requests.slice(before).map((r) => r.range)).toEqual([undefined, 'bytes=4000-']);
    await readAll((await engineTrack.value.open(6_000)).stream);
    expect(media.requests.slice(before + 2).map((r) => r.range)).toEqual(['bytes=6000-']);
  });

  it('GIVEN a local file THEN open(n) reads from byte n', async () => {
    const track = await engineTrackOf('tone.wav');
    const tail = await track.open(2_048);
    expect(tail).toMatchObject({ format: 'wav', startByte: 2_048 });
    expect((await readAll(tail.stream)).equals(wav.subarray(2_048))).toBe(true);
  });

  it('GIVEN a local file removed after loading THEN open fails instead of reading elsewhere', async () => {
    const track = await engineTrackOf('tone.wav');
    rmSync(join(dir, 'tone.wav'));
    await expect(track.open()).rejects.toThrow(/No such file/);
  });
});
