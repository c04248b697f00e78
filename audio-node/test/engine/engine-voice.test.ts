import { readFileSync } from 'node:fs';
import type { SimVoiceServer } from '@discord-bot/discord-sim';
import { createSilentLogger } from '@discord-bot/logger';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAudioEngine, type AudioEngine, type EnginePlayer } from '../../src/engine/index.js';
import { memoryTrack } from './support/memory-track.js';
import { allocateVoice, hear, SIM_CA_DIR, startSimVoice } from './support/sim-voice.js';
import { sine, steps, writeWav } from './support/wav.js';

const BOT = '220000000000000022';
const near = (hz: number, target: number): boolean => Math.abs(hz - target) <= target * 0.02;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Through real @discordjs/voice (voice gateway v8 over TLS, UDP, transport encryption, DAVE negotiation) into
 * the simulator's voice server, whose analysis decodes what arrived.
 */
describe.skipIf(SIM_CA_DIR === undefined)('engine output heard by the simulated Discord voice server', () => {
  let server: SimVoiceServer;
  let engine: AudioEngine;
  let player: EnginePlayer;
  /** A fresh guild per test: its own voice session and analysis on the shared server. */
  let guildId = '';
  let nextGuild = 110_000_000_000_000_011n;

  beforeAll(async () => {
    server = await startSimVoice();
    engine = createAudioEngine({ logger: createSilentLogger(), workers: 1 });
  });

  afterAll(async () => {
    await engine.close();
    await server.stop();
  });

  beforeEach(async () => {
    guildId = String(nextGuild++);
    player = engine.createPlayer(guildId, BOT);
    const ready = new Promise<void>((resolve) => player.on('voiceReady', resolve));
    player.connect(allocateVoice(server, { guildId: guildId, userId: BOT }));
    await ready;
  });

  afterEach(() => player.destroy());

  const play = (bytes: Buffer, format: string): void =>
    player.play(memoryTrack(bytes, { format }), { positionMs: 0, endTimeMs: null, paused: false });

  it('GIVEN a 440 Hz WAV THEN it is heard at 440 Hz +-2% with zero gaps at 50 packets/s', async () => {
    expect(player.connected).toBe(true);
    play(writeWav(sine(440, 44_100, 5), 44_100), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 75);
    const heard = await hear(server, guildId, (a) => near(a.dominantHz, 440));
    expect(heard).toMatchObject({ connected: true, speaking: true, gaps: 0 });
    // 50 per second; a second's window on a busy machine may catch a frame early or late.
    expect(heard.packetsPerSecond).toBeGreaterThanOrEqual(45);
    expect(heard.packetsPerSecond).toBeLessThanOrEqual(55);
  });

  it('GIVEN the 440 Hz MP3 THEN it is heard at 440 Hz +-2% with zero gaps', async () => {
    play(readFileSync(new URL('../fixtures/tone-440hz-3s.mp3', import.meta.url)), 'mp3');
    await hear(server, guildId, (a) => a.totalPackets >= 75);
    const heard = await hear(server, guildId, (a) => near(a.dominantHz, 440));
    expect(heard.gaps).toBe(0);
  });

  it('GIVEN timescale rate 2 THEN the 440 Hz tone is heard at 880 Hz', async () => {
    player.setFilters({ timescale: { rate: 2 } });
    play(writeWav(sine(440, 48_000, 8), 48_000), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 75 && near(a.dominantHz, 880));
  });

  it('GIVEN volume 50 THEN RMS drops by 6 dB +-1', async () => {
    play(writeWav(sine(440, 48_000, 8), 48_000), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 75);
    const full = server.analysis(guildId, 500).rmsDbfs;
    player.setVolume(50);
    await sleep(800);
    const half = server.analysis(guildId, 500).rmsDbfs;
    expect(half - full).toBeGreaterThanOrEqual(-7);
    expect(half - full).toBeLessThanOrEqual(-5);
  });

  it('GIVEN lowPass THEN a 5 kHz tone loses at least 12 dB', async () => {
    play(writeWav(sine(5_000, 48_000, 8), 48_000), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 75);
    const dry = server.analysis(guildId, 500).rmsDbfs;
    player.setFilters({ lowPass: { smoothing: 20 } });
    await sleep(800);
    expect(server.analysis(guildId, 500).rmsDbfs - dry).toBeLessThanOrEqual(-12);
  });

  it('GIVEN pause THEN packets stop within 200 ms', async () => {
    play(writeWav(sine(440, 48_000, 8), 48_000), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 50);
    player.setPaused(true);
    await sleep(200);
    const atPause = server.analysis(guildId, 1_000).totalPackets;
    await sleep(500);
    expect(server.analysis(guildId, 1_000).totalPackets).toBe(atPause);
  });

  it('GIVEN the bot is kicked (4014) THEN voiceClosed reports it and the player is not connected', async () => {
    const closed = new Promise<{ code: number; byRemote: boolean }>((resolve) =>
      player.on('voiceClosed', resolve),
    );
    server.disconnect(guildId, BOT, 4_014);
    expect(await closed).toMatchObject({ code: 4_014, byRemote: true });
    expect(player.connected).toBe(false);
    expect(player.ping).toBe(-1);
  });

  it('GIVEN a crashed voice server THEN the connection resumes and the tone carries on', async () => {
    play(writeWav(sine(440, 48_000, 10), 48_000), 'wav');
    const before = await hear(server, guildId, (a) => a.totalPackets >= 50);
    server.crash(guildId);
    const after = await hear(
      server,
      guildId,
      (a) => a.connected && a.totalPackets >= before.totalPackets + 50,
    );
    expect(near(after.dominantHz, 440)).toBe(true);
  });

  it('GIVEN fresh voice data mid-track (a voice server move) THEN audio continues on the new session', async () => {
    play(writeWav(sine(440, 48_000, 10), 48_000), 'wav');
    await hear(server, guildId, (a) => a.totalPackets >= 50);
    const reconnected = new Promise<void>((resolve) => player.on('voiceReady', resolve));
    player.connect(allocateVoice(server, { guildId: guildId, userId: BOT }));
    await reconnected;
    await sleep(1_200);
    const heard = await hear(
      server,
      guildId,
      (a) => a.connected && a.packetsPerSecond >= 45 && near(a.dominantHz, 440),
    );
    expect(heard.speaking).toBe(true);
  });

  it('GIVEN the first IP discovery request is lost THEN the connection still becomes ready and is heard', async () => {
    const lossy = String(nextGuild++);
    const other = engine.createPlayer(lossy, BOT);
    try {
      const ready = new Promise<void>((resolve) => other.on('voiceReady', resolve));
      server.dropIpDiscovery(1);
      other.connect(allocateVoice(server, { guildId: lossy, userId: BOT }));
      // @discordjs/voice alone waits for the answer for good; the request is sent again within a second.
      await Promise.race([
        ready,
        sleep(5_000).then(() => {
          throw new Error('not ready within 5 s after a lost IP discovery datagram');
        }),
      ]);
      other.play(memoryTrack(writeWav(sine(440, 48_000, 3), 48_000), { format: 'wav' }), {
        positionMs: 0,
        endTimeMs: null,
        paused: false,
      });
      await hear(server, lossy, (a) => a.connected && near(a.dominantHz, 440));
    } finally {
      other.destroy();
    }
  });

  it('GIVEN a seek to 4.5 s THEN the tone playing there is heard and the position follows', async () => {
    play(writeWav(steps([300, 500, 700, 900], 44_100, 2), 44_100), 'wav');
    await hear(server, guildId, (a) => near(a.dominantHz, 300));
    player.seek(4_500);
    await hear(server, guildId, (a) => near(a.dominantHz, 700), { windowMs: 500 });
    expect(player.positionMs).toBeGreaterThanOrEqual(4_500);
    expect(player.positionMs).toBeLessThan(6_000);
  });
});
