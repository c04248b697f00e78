/**
 * Every kind of source loaded through the real lavalink-client and heard through simulated Discord voice:
 * an Icecast-style radio stream, M3U and PLS playlists, and a `local:` search of the music directories.
 * (HTTP files, WAV and MP3, are heard in client-voice.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Track } from 'lavalink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopableMp3 } from '../support/mp3-loop.js';
import {
  near,
  QUIET_MS,
  SIM_CA_DIR,
  sleep,
  startVoiceStage,
  type VoiceStage,
} from '../support/voice-stage.js';
import { makeWav } from '../support/wav.js';

const GUILD = '200000000000000032';
/** The fixture's bitrate, 64 kbit/s, in bytes per second: the radio is paced at it, as a live encoder is. */
const RADIO_BYTES_PER_SECOND = 8_000;
/** Icecast sends a burst on connect so players start at once; 4 s of this stream. */
const RADIO_BURST_BYTES = 32_000;
/** Length of one pass of the looped MP3, ms (the radio outlasting it shows the stream is endless). */
const RADIO_LOOP_MS = 3_000;

describe.skipIf(SIM_CA_DIR === undefined)('sources heard through simulated Discord voice', () => {
  let stage: VoiceStage;
  let musicDir: string;

  beforeAll(async () => {
    musicDir = mkdtempSync(join(tmpdir(), 'audio-node-voice-library-'));
    writeFileSync(
      join(musicDir, 'harbour-lights.wav'),
      makeWav({ seconds: 20, frequency: 587, title: 'Harbour Lights', artist: 'The Quay' }),
    );
    writeFileSync(
      join(musicDir, 'decoy.wav'),
      makeWav({ seconds: 20, frequency: 330, title: 'Unrelated', artist: 'Someone Else' }),
    );
    const tone = loopableMp3(readFileSync(new URL('../fixtures/tone-440hz-3s.mp3', import.meta.url)));
    stage = await startVoiceStage({
      guildId: GUILD,
      // A playlist moves on by itself only when the client plays the next track: lavalink-client's autoSkip.
      autoSkip: true,
      nodes: [{ id: 'n', options: { musicDirs: [musicDir] } }],
      media: {
        '/radio': {
          kind: 'radio',
          name: 'Test FM',
          chunk: tone,
          type: 'audio/mpeg',
          bytesPerSecond: RADIO_BYTES_PER_SECOND,
          burstBytes: RADIO_BURST_BYTES,
        },
        '/first.wav': { kind: 'file', body: makeWav({ seconds: 2, frequency: 523 }), type: 'audio/wav' },
        '/second.wav': { kind: 'file', body: makeWav({ seconds: 20, frequency: 784 }), type: 'audio/wav' },
        '/list.m3u': {
          kind: 'file',
          body: Buffer.from('#EXTM3U\n#EXTINF:2,First\n/first.wav\n#EXTINF:20,Second\n/second.wav\n'),
          type: 'audio/x-mpegurl',
        },
        '/radio.pls': {
          kind: 'file',
          body: Buffer.from('[playlist]\nFile1=/radio\nTitle1=Test FM\nLength1=-1\nNumberOfEntries=1\n'),
          type: 'audio/x-scpls',
        },
      },
    });
  });
  afterAll(async () => {
    await stage?.close();
    rmSync(musicDir, { recursive: true, force: true });
  });

  /** Stops what plays and waits for silence, so the next sound heard is the next source's. */
  async function fromSilence(): Promise<void> {
    await stage.player.stopPlaying(true, false);
    await stage.untilSilent();
  }

  it('GIVEN an Icecast-style stream THEN it loads as a stream and is heard at 440 Hz, gapless, past the end of its loop', async () => {
    const { loadType, track } = await stage.play(`${stage.media.url}/radio`);
    expect(loadType).toBe('track');
    expect(track.info).toMatchObject({ title: 'Test FM', isStream: true, isSeekable: false });
    const startedAt = Date.now();
    await stage.hear((a) => near(a.dominantHz, 440));
    await sleep(Math.max(0, startedAt + RADIO_LOOP_MS + 1_000 - Date.now()));
    const heard = await stage.hear((a) => near(a.dominantHz, 440), 1_000);
    expect(heard).toMatchObject({ connected: true, gaps: 0 });
    expect(heard.packetsPerSecond).toBeGreaterThanOrEqual(45);
  });

  it('GIVEN a PLS playlist of that stream THEN its entry plays', async () => {
    await fromSilence();
    const result = await stage.player.search({ query: `${stage.media.url}/radio.pls` }, 'tester');
    expect(result.loadType).toBe('playlist');
    expect(result.tracks.map((t) => [t.info.title, t.info.isStream])).toEqual([['Test FM', true]]);
    await stage.player.play({ clientTrack: result.tracks[0] as Track, paused: false });
    // The same tone as the test before: a window of QUIET_MS holds only what came after the silence.
    await stage.hear((a) => near(a.dominantHz, 440), QUIET_MS);
  });

  it('GIVEN an M3U playlist queued THEN its first track is heard, then the next when the first ends', async () => {
    await fromSilence();
    const result = await stage.player.search({ query: `${stage.media.url}/list.m3u` }, 'tester');
    expect(result.loadType).toBe('playlist');
    expect(result.tracks.map((t) => t.info.title)).toEqual(['First', 'Second']);
    await stage.player.queue.add(result.tracks);
    await stage.player.play({ paused: false });
    await stage.hear((a) => near(a.dominantHz, 523), 500);
    const firstEnded = await stage.harness.nextMessage(
      (m) => m.type === 'TrackEndEvent' && (m.track as Track).info.title === 'First',
      10_000,
    );
    expect(firstEnded.reason).toBe('finished');
    await stage.hear((a) => near(a.dominantHz, 784), 500);
    expect(stage.player.queue.current?.info.title).toBe('Second');
  });

  it('GIVEN a local search THEN the matching file of the music directory is found and heard', async () => {
    await fromSilence();
    const result = await stage.player.search({ query: 'harbour lights', source: 'local' }, 'tester');
    expect(result.loadType).toBe('search');
    expect(result.tracks.map((t) => [t.info.title, t.info.author, t.info.sourceName])).toEqual([
      ['Harbour Lights', 'The Quay', 'local'],
    ]);
    await stage.player.play({ clientTrack: result.tracks[0] as Track, paused: false });
    await stage.hear((a) => near(a.dominantHz, 587));
  });

  it('every REST answer and WebSocket message matched lavalink-protocol', () => {
    expect(stage.rest.errors).toEqual([]);
    expect(stage.harness.wsErrors).toEqual([]);
  });
});
