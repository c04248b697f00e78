import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TONES, type AudioHarness } from './support/audio-harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: play and control', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('GIVEN an HTTP tone THEN play joins voice, answers what plays now, and the simulator hears it', async () => {
    const outcome = await h.play('/440.wav');
    expect(outcome.ok && outcome.value).toMatchObject({ addedCount: 1, position: 0, startsInMs: 0 });
    await h.hear(TONES.a);
    expect(h.ui.some((event) => event.type === 'track.start')).toBe(true);
  });

  it('GIVEN a track playing THEN a second play is queued with its position and start time', async () => {
    const outcome = await h.play('/880.wav');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.position).toBe(1);
    expect(outcome.value.startsInMs).toBeGreaterThan(10_000);
    expect(outcome.value.startsInMs).toBeLessThanOrEqual(20_000);
  });

  it('GIVEN pause THEN the voice goes silent, and resume brings the tone back', async () => {
    const paused = await h.request('pause', {});
    expect(paused.ok && paused.value.wasPaused).toBe(false);
    await sleep(400);
    const before = h.sim.audio(h.guildId, 1_000).totalPackets;
    await sleep(500);
    expect(h.sim.audio(h.guildId, 1_000).totalPackets).toBe(before);
    const again = await h.request('pause', {});
    expect(again.ok && again.value.wasPaused).toBe(true);
    const resumed = await h.request('resume', {});
    expect(resumed.ok && resumed.value.wasPaused).toBe(true);
    await h.hear(TONES.a);
  });

  it('GIVEN skip THEN the next track plays', async () => {
    const skipped = await h.request('skip', {});
    if (!skipped.ok) throw new Error(skipped.error.message);
    expect(skipped.value.skipped.uri).toContain('/440.wav');
    expect(skipped.value.next?.uri).toContain('/880.wav');
    await h.hear(TONES.c);
  });

  it('GIVEN volume 50 THEN the level drops by about 6 dB, and volume 0 is silence', async () => {
    await sleep(600);
    const full = h.sim.audio(h.guildId, 500).rmsDbfs;
    const half = await h.request('volume', { volume: 50 });
    expect(half.ok && half.value).toEqual({ volume: 50, previous: 100 });
    await sleep(900);
    const drop = h.sim.audio(h.guildId, 500).rmsDbfs - full;
    expect(drop).toBeGreaterThan(-8);
    expect(drop).toBeLessThan(-4);
    await h.request('volume', { volume: 0 });
    await sleep(900);
    expect(h.sim.audio(h.guildId, 500).rmsDbfs).toBeLessThan(-60);
    await h.request('volume', { volume: 100 });
  });

  it('GIVEN seek THEN now-playing reports the new position; past the end is refused', async () => {
    const sought = await h.request('seek', { positionMs: 15_000 });
    expect(sought.ok && sought.value).toEqual({ positionMs: 15_000, durationMs: 20_000 });
    const now = await h.request('nowPlaying', {});
    if (!now.ok) throw new Error(now.error.message);
    expect(now.value.positionMs).toBeGreaterThanOrEqual(14_500);
    expect(now.value.positionMs).toBeLessThan(17_500);
    const past = await h.request('seek', { positionMs: 25_000 });
    expect(past.ok ? null : past.error.code).toBe('INVALID_INPUT');
  });

  it('GIVEN the last track ends with loop off THEN the player idles and leaves after the idle time', async () => {
    await h.request('seek', { positionMs: 19_000 });
    await expect
      .poll(() => h.ui.some((e) => e.type === 'player.stopped' && e.payload.reason === 'idle'), {
        timeout: 10_000,
      })
      .toBe(true);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value.track).toBeNull();
    expect(await h.db.playerStates.find(h.guildId)).toBeUndefined();
  });
});
