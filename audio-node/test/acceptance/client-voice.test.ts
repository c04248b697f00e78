/**
 * The audio acceptance, end to end: the real lavalink-client drives the audio node (real engine:
 * decode, filters, Opus, @discordjs/voice with DAVE), and the Discord simulator's voice server is the
 * voice end whose analysis says what was heard. Connect, info, play files, timescale, volume, lowPass,
 * pause, seek, stop and destroy; the other filters, sources and sessions have their own files.
 */
import { readFileSync } from 'node:fs';
import type { Track } from 'lavalink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWav } from '../support/wav.js';
import { near, SIM_CA_DIR, sleep, startVoiceStage, type VoiceStage } from '../support/voice-stage.js';

const GUILD = '200000000000000030';

describe.skipIf(SIM_CA_DIR === undefined)('lavalink-client -> audio node -> simulated Discord voice', () => {
  let stage: VoiceStage;

  const play = async (path: string): Promise<void> => {
    const { loadType } = await stage.play(`${stage.media.url}${path}`);
    expect(loadType).toBe('track');
  };

  beforeAll(async () => {
    stage = await startVoiceStage({
      guildId: GUILD,
      media: {
        '/a440.wav': { kind: 'file', body: makeWav({ seconds: 20, frequency: 440 }), type: 'audio/wav' },
        '/a440.mp3': {
          kind: 'file',
          body: readFileSync(new URL('../fixtures/tone-440hz-3s.mp3', import.meta.url)),
          type: 'audio/mpeg',
        },
        '/5k.wav': { kind: 'file', body: makeWav({ seconds: 10, frequency: 5_000 }), type: 'audio/wav' },
        '/steps.wav': {
          kind: 'file',
          body: makeWav({ seconds: 12, frequencyAt: (s) => [300, 500, 700, 900][Math.floor(s / 3)] ?? 900 }),
          type: 'audio/wav',
        },
      },
    });
  });
  afterAll(async () => {
    await stage?.close();
  });

  it('connects, reads /v4/info, and joins the simulated voice channel before any track', async () => {
    const client = stage.harness.manager.nodeManager.nodes.get('n');
    expect(client?.connected).toBe(true);
    expect(client?.info?.sourceManagers).toEqual(['http', 'local']);
    expect([...(client?.info?.filters ?? [])].sort()).toEqual(
      [
        'channelMix',
        'distortion',
        'equalizer',
        'karaoke',
        'lowPass',
        'rotation',
        'timescale',
        'tremolo',
        'volume',
        'vibrato',
      ].sort(),
    );
    expect(client?.info?.isNodelink).toBe(false);
    const joined = await stage.hear((a) => a.connected);
    expect(joined).toMatchObject({ channelId: '300000000000000003', totalPackets: 0 });
  });

  it('GIVEN a 440 Hz WAV THEN it is heard at 440 Hz +-2% with zero gaps', async () => {
    await play('/a440.wav');
    await stage.hear((a) => a.totalPackets >= 75);
    const heard = await stage.hear((a) => near(a.dominantHz, 440));
    expect(heard).toMatchObject({ connected: true, gaps: 0 });
  });

  it('GIVEN a 440 Hz MP3 THEN it is heard at 440 Hz +-2% with zero gaps', async () => {
    await play('/a440.mp3');
    await sleep(600);
    const heard = await stage.hear((a) => near(a.dominantHz, 440), 500);
    expect(heard.gaps).toBe(0);
  });

  it('GIVEN timescale rate 2 THEN the tone moves to 880 Hz', async () => {
    await play('/a440.wav');
    await stage.hear((a) => near(a.dominantHz, 440));
    await stage.player.filterManager.setRate(2);
    await stage.hear((a) => near(a.dominantHz, 880), 500);
    await stage.player.filterManager.resetFilters();
  });

  it('GIVEN volume 50 THEN RMS drops by 6 dB +-1', async () => {
    await play('/a440.wav');
    await stage.hear((a) => a.totalPackets >= 75 && near(a.dominantHz, 440));
    await sleep(500);
    const full = stage.analysis(500).rmsDbfs;
    await stage.player.setVolume(50);
    await sleep(800);
    const half = stage.analysis(500).rmsDbfs;
    expect(half - full).toBeGreaterThanOrEqual(-7);
    expect(half - full).toBeLessThanOrEqual(-5);
    await stage.player.setVolume(100);
  });

  it('GIVEN lowPass THEN a 5 kHz tone loses at least 12 dB', async () => {
    await play('/5k.wav');
    await stage.hear((a) => near(a.dominantHz, 5_000));
    await sleep(500);
    const dry = stage.analysis(500).rmsDbfs;
    await stage.player.filterManager.toggleLowPass(20);
    await sleep(800);
    expect(stage.analysis(500).rmsDbfs - dry).toBeLessThanOrEqual(-12);
    await stage.player.filterManager.resetFilters();
  });

  it('GIVEN pause THEN silence within 200 ms', async () => {
    await play('/a440.wav');
    await stage.hear((a) => near(a.dominantHz, 440));
    await stage.player.pause();
    await sleep(200);
    const atPause = stage.analysis(1_000).totalPackets;
    await sleep(500);
    expect(stage.analysis(1_000).totalPackets).toBe(atPause);
    await stage.player.resume();
  });

  it('GIVEN a seek to 7.5 s THEN the tone playing there is heard', async () => {
    await play('/steps.wav');
    await stage.hear((a) => near(a.dominantHz, 300));
    await stage.player.seek(7_500);
    await stage.hear((a) => near(a.dominantHz, 700), 500);
  });

  it('GIVEN stop THEN TrackEndEvent stopped and silence, still in the voice channel', async () => {
    await play('/a440.wav');
    await stage.hear((a) => near(a.dominantHz, 440));
    const seen = stage.harness.messages.length;
    await stage.player.stopPlaying(false, false);
    const ended = await stage.harness.nextMessage(
      (m) =>
        m.type === 'TrackEndEvent' &&
        stage.harness.messages.findIndex((x) => x.payload === m) >= seen &&
        (m.track as Track).info.title === 'a440.wav',
    );
    expect(ended.reason).toBe('stopped');
    await stage.untilSilent(1_000);
    expect(stage.analysis(1_000).connected).toBe(true);
  });

  it('GIVEN destroy THEN the bot leaves the simulated voice channel', async () => {
    await play('/a440.wav');
    await stage.hear((a) => near(a.dominantHz, 440));
    await stage.player.destroy();
    await stage.hear((a) => !a.connected, 1_000, 5_000);
    await stage.untilSilent(1_000);
  });

  it('every REST answer and WebSocket message matched lavalink-protocol', () => {
    expect(stage.rest.errors).toEqual([]);
    expect(stage.harness.wsErrors).toEqual([]);
  });
});
