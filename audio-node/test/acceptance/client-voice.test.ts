/**
 * The issue's audio acceptance, end to end: the real lavalink-client drives the audio node (real engine:
 * decode, filters, Opus, @discordjs/voice with DAVE), and the Discord simulator's voice server is the
 * voice end whose analysis says what was heard.
 */
import { readFileSync } from 'node:fs';
import {
  createVoiceServer,
  issueServerCertificate,
  readCertificateAuthority,
  type SimVoiceServer,
  type VoiceAudioAnalysis,
} from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import type { Player, Track } from 'lavalink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioNode, type RunningAudioNode } from '../../src/start-audio-node.js';
import { BOT_ID, startHarness, VOICE_CHANNEL, watchRest, type Harness } from '../support/client-harness.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { makeWav } from '../support/wav.js';

const SIM_CA_DIR = process.env.DISCORD_SIM_CA_DIR;
const GUILD = '200000000000000030';
const near = (hz: number, target: number): boolean => Math.abs(hz - target) <= target * 0.02;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(SIM_CA_DIR === undefined)('lavalink-client -> audio node -> simulated Discord voice', () => {
  let voice: SimVoiceServer;
  let node: RunningAudioNode;
  let media: MediaServer;
  let harness: Harness;
  let player: Player;
  let rest: ReturnType<typeof watchRest>;

  async function hear(
    accept: (a: VoiceAudioAnalysis) => boolean,
    windowMs = 1_000,
    timeoutMs = 10_000,
  ): Promise<VoiceAudioAnalysis> {
    const deadline = Date.now() + timeoutMs;
    let last = voice.analysis(GUILD, windowMs);
    while (!accept(last)) {
      if (Date.now() > deadline) throw new Error(`not heard in time; last analysis ${JSON.stringify(last)}`);
      await sleep(50);
      last = voice.analysis(GUILD, windowMs);
    }
    return last;
  }

  async function play(path: string): Promise<void> {
    const result = await player.search({ query: `${media.url}${path}` }, 'tester');
    expect(result.loadType).toBe('track');
    await player.play({ clientTrack: result.tracks[0] as Track, paused: false });
  }

  beforeAll(async () => {
    const { ca } = await readCertificateAuthority(SIM_CA_DIR!);
    voice = createVoiceServer({ tls: await issueServerCertificate(ca) });
    await voice.start();
    media = await startMediaServer({
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
    });
    node = await startAudioNode({
      host: '127.0.0.1',
      port: 0,
      password: 'acceptance',
      musicDirs: [],
      httpAllowlist: ['127.0.0.1'],
      logger: createSilentLogger(),
    });
    rest = watchRest([node.port]);
    harness = await startHarness([
      {
        id: 'n',
        host: '127.0.0.1',
        port: node.port,
        authorization: node.password,
        retryAmount: 1,
        retryDelay: 100,
      },
    ]);
    const grant = voice.allocate({
      guildId: GUILD,
      userId: BOT_ID,
      sessionId: 'sim-voice-session',
      channelId: VOICE_CHANNEL,
    });
    player = await harness.joinVoice(GUILD, 'n', { sessionId: 'sim-voice-session', ...grant });
  });
  afterAll(async () => {
    await harness?.destroy();
    rest?.restore();
    await node?.close();
    await media?.close();
    await voice?.stop();
  });

  it('GIVEN a 440 Hz WAV THEN it is heard at 440 Hz +-2% with zero gaps', async () => {
    await play('/a440.wav');
    await hear((a) => a.totalPackets >= 75);
    const heard = await hear((a) => near(a.dominantHz, 440));
    expect(heard).toMatchObject({ connected: true, gaps: 0 });
  });

  it('GIVEN a 440 Hz MP3 THEN it is heard at 440 Hz +-2% with zero gaps', async () => {
    await play('/a440.mp3');
    await sleep(600);
    const heard = await hear((a) => near(a.dominantHz, 440), 500);
    expect(heard.gaps).toBe(0);
  });

  it('GIVEN timescale rate 2 THEN the tone moves to 880 Hz', async () => {
    await play('/a440.wav');
    await hear((a) => near(a.dominantHz, 440));
    await player.filterManager.setRate(2);
    await hear((a) => near(a.dominantHz, 880), 500);
    await player.filterManager.resetFilters();
  });

  it('GIVEN volume 50 THEN RMS drops by 6 dB +-1', async () => {
    await play('/a440.wav');
    await hear((a) => a.totalPackets >= 75 && near(a.dominantHz, 440));
    await sleep(500);
    const full = voice.analysis(GUILD, 500).rmsDbfs;
    await player.setVolume(50);
    await sleep(800);
    const half = voice.analysis(GUILD, 500).rmsDbfs;
    expect(half - full).toBeGreaterThanOrEqual(-7);
    expect(half - full).toBeLessThanOrEqual(-5);
    await player.setVolume(100);
  });

  it('GIVEN lowPass THEN a 5 kHz tone loses at least 12 dB', async () => {
    await play('/5k.wav');
    await hear((a) => near(a.dominantHz, 5_000));
    await sleep(500);
    const dry = voice.analysis(GUILD, 500).rmsDbfs;
    await player.filterManager.toggleLowPass(20);
    await sleep(800);
    expect(voice.analysis(GUILD, 500).rmsDbfs - dry).toBeLessThanOrEqual(-12);
    await player.filterManager.resetFilters();
  });

  it('GIVEN pause THEN silence within 200 ms', async () => {
    await play('/a440.wav');
    await hear((a) => near(a.dominantHz, 440));
    await player.pause();
    await sleep(200);
    const atPause = voice.analysis(GUILD, 1_000).totalPackets;
    await sleep(500);
    expect(voice.analysis(GUILD, 1_000).totalPackets).toBe(atPause);
    await player.resume();
  });

  it('GIVEN a seek to 7.5 s THEN the tone playing there is heard', async () => {
    await play('/steps.wav');
    await hear((a) => near(a.dominantHz, 300));
    await player.seek(7_500);
    await hear((a) => near(a.dominantHz, 700), 500);
  });

  it('every REST answer and WebSocket message matched lavalink-protocol', () => {
    expect(rest.errors).toEqual([]);
    expect(harness.wsErrors).toEqual([]);
  });
});
