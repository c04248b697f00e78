import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Track } from 'lavalink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, watchRest, type Harness } from '../support/client-harness.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

const GUILD = '200000000000000010';

describe('the real lavalink-client 2.11 against the audio node', () => {
  let node: TestNode;
  let media: MediaServer;
  let harness: Harness;
  let rest: ReturnType<typeof watchRest>;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'audio-node-client-'));
    mkdirSync(join(root, 'album'));
    writeFileSync(
      join(root, 'album', '01.wav'),
      makeWav({ seconds: 1, sampleRate: 8000, channels: 1, title: 'Morning Tide', artist: 'The Harbour' }),
    );
    writeFileSync(
      join(root, 'album', '02.wav'),
      makeWav({ seconds: 1, sampleRate: 8000, channels: 1, title: 'Evening Tide', artist: 'The Harbour' }),
    );
    writeFileSync(
      join(root, 'other.wav'),
      makeWav({ seconds: 1, sampleRate: 8000, channels: 1, title: 'Unrelated', artist: 'Someone' }),
    );
    media = await startMediaServer({
      '/song.wav': {
        kind: 'file',
        body: makeWav({ seconds: 120, sampleRate: 8000, channels: 1, title: 'Long Song' }),
        type: 'audio/wav',
      },
      '/radio': {
        kind: 'radio',
        name: 'Test FM',
        chunk: Buffer.from([0xff, 0xfb, 0x90, 0x64, ...Buffer.alloc(413)]),
        type: 'audio/mpeg',
      },
      '/list.m3u': {
        kind: 'file',
        body: Buffer.from('#EXTM3U\n#EXTINF:120,Long Song\n/song.wav\n#EXTINF:-1,Test FM\n/radio\n'),
        type: 'audio/x-mpegurl',
      },
      '/list.pls': {
        kind: 'file',
        body: Buffer.from('[playlist]\nFile1=/radio\nTitle1=Test FM\nLength1=-1\nNumberOfEntries=1\n'),
        type: 'audio/x-scpls',
      },
    });
    node = await startTestNode({ musicDirs: [root] });
    rest = watchRest([node.port]);
    harness = await startHarness([
      {
        id: 'a',
        host: '127.0.0.1',
        port: node.port,
        authorization: node.password,
        retryAmount: 1,
        retryDelay: 100,
      },
    ]);
  });
  afterAll(async () => {
    await harness.destroy();
    rest.restore();
    await node.close();
    await media.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('connects and reads /v4/info: sources http and local', () => {
    const client = harness.manager.nodeManager.nodes.get('a');
    expect(client?.connected).toBe(true);
    expect(client?.info?.sourceManagers).toEqual(['http', 'local']);
    expect(client?.info?.isNodelink).toBe(false);
  });

  it('loads a file, a radio stream, M3U and PLS playlists, and a local search', async () => {
    const player = await harness.joinVoice(GUILD, 'a');
    const file = await player.search({ query: `${media.url}/song.wav` }, 'tester');
    expect(file.loadType).toBe('track');
    expect(file.tracks[0]?.info).toMatchObject({
      title: 'Long Song',
      isStream: false,
      isSeekable: true,
      duration: 120_000,
      sourceName: 'http',
    });
    const radio = await player.search({ query: `${media.url}/radio` }, 'tester');
    expect(radio.tracks[0]?.info).toMatchObject({ title: 'Test FM', isStream: true, isSeekable: false });
    const m3u = await player.search({ query: `${media.url}/list.m3u` }, 'tester');
    expect(m3u.loadType).toBe('playlist');
    expect(m3u.tracks.map((t) => t.info.title)).toEqual(['Long Song', 'Test FM']);
    expect(m3u.tracks[1]?.info.isStream).toBe(true);
    const pls = await player.search({ query: `${media.url}/list.pls` }, 'tester');
    expect(pls.tracks.map((t) => t.info.title)).toEqual(['Test FM']);
    const found = await player.search({ query: 'tide harbour', source: 'local' }, 'tester');
    expect(found.loadType).toBe('search');
    expect(found.tracks.map((t) => t.info.title).sort()).toEqual(['Evening Tide', 'Morning Tide']);
    const dir = await player.search({ query: join(root, 'album'), source: 'local' }, 'tester');
    expect(dir.loadType).toBe('playlist');
    expect(dir.tracks.map((t) => t.info.author)).toEqual(['The Harbour', 'The Harbour']);
  });

  it('plays, pauses, seeks, changes volume and filters, stops and destroys', async () => {
    const player = harness.manager.getPlayer(GUILD) ?? (await harness.joinVoice(GUILD, 'a'));
    const engine = (): NonNullable<ReturnType<typeof enginePlayer>> => enginePlayer()!;
    const enginePlayer = () => [...node.engine.players].find((p) => p.voice?.guildId === GUILD);
    const started = new Promise<Track | null>((resolve) =>
      harness.manager.once('trackStart', (_p, track) => resolve(track as Track)),
    );
    const result = await player.search({ query: `${media.url}/song.wav` }, 'tester');
    await player.play({ clientTrack: result.tracks[0] as Track });
    expect((await started)?.info.title).toBe('Long Song');
    expect(engine().voice).toMatchObject({
      token: 'voice-token',
      endpoint: 'voice.invalid:443',
      sessionId: 'voice-session',
      channelId: '300000000000000003',
    });
    expect(engine().openedFormat).toBe('wav');
    await player.pause();
    expect(engine().playing).toBe(false);
    await player.resume();
    await player.seek(60_000);
    expect(engine().positionMs).toBeGreaterThanOrEqual(60_000);
    await player.setVolume(50);
    expect(engine().volume).toBe(50);
    await player.filterManager.setRate(2);
    expect(engine().filters.timescale).toMatchObject({ rate: 2 });
    await player.filterManager.toggleLowPass(20);
    expect(engine().filters.lowPass).toEqual({ smoothing: 20 });
    await player.filterManager.setEQ([{ band: 0, gain: 0.25 }]);
    expect(engine().filters.equalizer).toEqual([{ band: 0, gain: 0.25 }]);
    await player.filterManager.toggleKaraoke();
    expect(engine().filters.karaoke).toBeDefined();
    await player.filterManager.resetFilters();
    expect(engine().filters.timescale).toBeUndefined();
    await player.filterManager.clearEQ(); // sends all 15 bands at gain 0
    // Every filter with lavalink-client's own default values must pass the node's range checks.
    await player.filterManager.toggleTremolo();
    await player.filterManager.toggleVibrato();
    await player.filterManager.toggleRotation();
    await player.filterManager.setAudioOutput('mono');
    await player.filterManager.toggleNightcore();
    await player.filterManager.setVolume(0.5);
    player.filterManager.data.distortion = {
      sinOffset: 0.5,
      sinScale: 2,
      cosOffset: 0.5,
      cosScale: 2,
      tanOffset: 0.5,
      tanScale: 2,
      offset: 0.5,
      scale: 2,
    };
    await player.filterManager.applyPlayerFilters();
    expect(Object.keys(engine().filters).sort()).toEqual([
      'channelMix',
      'distortion',
      'equalizer',
      'rotation',
      'timescale',
      'tremolo',
      'vibrato',
      'volume',
    ]);
    await player.filterManager.resetFilters();
    await player.stopPlaying(false, false);
    const ended = await harness.nextMessage((m) => m.type === 'TrackEndEvent' && m.guildId === GUILD);
    expect(ended.reason).toBe('stopped');
    await player.destroy();
    expect(enginePlayer()).toBeUndefined();
  });

  it('every REST answer and WebSocket message validated against lavalink-protocol', () => {
    expect(rest.count()).toBeGreaterThan(10);
    expect(rest.errors).toEqual([]);
    expect(harness.messages.length).toBeGreaterThan(3);
    expect(harness.wsErrors).toEqual([]);
  });
});
