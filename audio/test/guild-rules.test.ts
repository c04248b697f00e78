import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';
import { toneWav } from './support/tone-wav.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const IDLE_TIMEOUT_MS = TEST_OPTIONS.idleTimeoutMs ?? 0;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: guild rules', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness();
    const urls = ['440', '660', '880', '440', '660'].map((hz, i) => `${h.media.url}/${hz}.wav?${i}`);
    h.media.put('/list.m3u', Buffer.from(`#EXTM3U\n${urls.join('\n')}\n`));
    for (let i = 0; i < 5; i += 1)
      h.media.put(`/${['440', '660', '880', '440', '660'][i]}.wav?${i}`, toneWav({ seconds: 20, hz: 440 }));
  });
  afterAll(async () => {
    await h?.close();
  });
  /** The channels the simulator has the bot in, in this guild. */
  const botChannels = () =>
    h.sim
      .state()
      .voiceStates.filter((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID)
      .map((state) => state.channelId);
  beforeEach(async () => {
    await h.request('stop', {});
    await h.db.guildSettings.reset(h.guildId);
  });

  it('GIVEN the duplicate guard THEN a track already queued is refused, and allowed without it', async () => {
    await h.db.guildSettings.update(h.guildId, { duplicateGuard: true });
    await h.play('/440.wav');
    const duplicate = await h.play('/440.wav');
    expect(duplicate.ok ? null : duplicate.error.code).toBe('DUPLICATE_TRACK');
    await h.db.guildSettings.update(h.guildId, { duplicateGuard: false });
    expect((await h.play('/440.wav')).ok).toBe(true);
  });

  it('GIVEN a max queue length THEN a playlist beyond it is truncated and a full queue refuses more', async () => {
    await h.db.guildSettings.update(h.guildId, { maxQueueLength: 3 });
    const outcome = await h.request('play', {
      query: `${h.media.url}/list.m3u`,
      requester: { userId: h.aliceId, displayName: 'alice' },
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    if (!outcome.ok) throw new Error(outcome.error.message);
    // One plays now, three fill the queue.
    expect(outcome.value).toMatchObject({
      addedCount: 4,
      playlist: {
        trackCount: 5,
        truncated: true,
        leftOut: { tooLong: 0, duplicates: 0, queueFull: 1, maxTrackDurationMs: null },
      },
    });
    const full = await h.play('/880.wav');
    expect(full.ok ? null : full.error).toMatchObject({ code: 'QUEUE_FULL', context: { max: 3 } });
  });

  it('GIVEN a playlist with tracks too long, already queued and beyond the queue THEN the answer counts each left out', async () => {
    await h.db.guildSettings.update(h.guildId, {
      maxTrackDurationMs: 60_000,
      duplicateGuard: true,
      maxQueueLength: 2,
    });
    await h.play('/440.wav');
    // Durations as the playlist states them (#EXTINF, seconds): entries are not fetched while loading.
    const entries = [
      [120, '/long-880.wav'],
      [20, '/440.wav'],
      [20, '/660.wav'],
      [20, '/880.wav'],
      [20, '/short-660.wav'],
      [200, '/long-880.wav?2'],
    ] as const;
    const lines = entries.map(([seconds, path]) => `#EXTINF:${seconds},${path}\n${h.media.url}${path}`);
    h.media.put('/mixed.m3u', Buffer.from(`#EXTM3U\n${lines.join('\n')}\n`));

    const outcome = await h.request('play', {
      query: `${h.media.url}/mixed.m3u`,
      requester: { userId: h.aliceId, displayName: 'alice' },
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });

    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value).toMatchObject({
      addedCount: 2,
      position: 1,
      playlist: {
        trackCount: 6,
        truncated: true,
        leftOut: { tooLong: 2, duplicates: 1, queueFull: 1, maxTrackDurationMs: 60_000 },
      },
    });
  });

  it('GIVEN a max track duration THEN a longer track is refused with the limit', async () => {
    await h.db.guildSettings.update(h.guildId, { maxTrackDurationMs: 60_000 });
    const long = await h.play('/long-880.wav');
    expect(long.ok ? null : long.error).toMatchObject({ code: 'TRACK_TOO_LONG', context: { max: '1:00' } });
    expect((await h.play('/440.wav')).ok).toBe(true);
  });

  it('GIVEN a default volume THEN a new player starts at it', async () => {
    await h.request('leave', {});
    await h.db.guildSettings.update(h.guildId, { defaultVolume: 40 });
    await h.play('/440.wav');
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value.volume).toBe(40);
    await h.request('volume', { volume: 100 });
  });

  it('GIVEN a paused player THEN play queues without unpausing, and play now plays at once', async () => {
    await h.play('/440.wav');
    await h.hear(TONES.a);
    await h.request('pause', {});
    const queued = await h.play('/880.wav');
    expect(queued.ok && queued.value.position).toBe(1);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value.paused).toBe(true);
    await h.play('/660.wav', 'now');
    await h.hear(TONES.b);
  });

  it('GIVEN a search no source can serve THEN the answer says so; a missing URL is NO_RESULTS or LOAD_FAILED', async () => {
    const search = await h.request('play', {
      query: 'ytsearch:never gonna',
      requester: { userId: h.aliceId, displayName: 'alice' },
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(search.ok ? null : search.error.code).toBe('INVALID_INPUT');
    const missing = await h.play('/nope.wav');
    expect(missing.ok ? null : missing.error.code).toMatch(/NO_RESULTS|LOAD_FAILED/);
  });

  it('GIVEN a join and nothing played THEN the bot leaves after the idle time; with 24/7 it stays', async () => {
    const join = () =>
      h.request('join', { voiceChannelId: h.voiceChannelId, textChannelId: h.textChannelId });
    const leftIdle = (mark: number) =>
      h.ui.slice(mark).some((e) => e.type === 'player.stopped' && e.payload.reason === 'idle');
    await h.request('leave', {});
    await h.db.guildSettings.update(h.guildId, { alwaysOn: true });
    const alwaysOnMark = h.ui.length;
    await join();
    await sleep(IDLE_TIMEOUT_MS + 1_000);
    expect(leftIdle(alwaysOnMark)).toBe(false);
    expect(botChannels()).toEqual([h.voiceChannelId]);

    await h.request('leave', {});
    await h.db.guildSettings.update(h.guildId, { alwaysOn: false });
    const mark = h.ui.length;
    await join();
    await expect.poll(() => leftIdle(mark), { timeout: IDLE_TIMEOUT_MS + 5_000 }).toBe(true);
    await expect.poll(botChannels, { timeout: 5_000 }).toEqual([]);
    expect(h.gateway.notices.at(-1)?.payload.code).toBe('LEFT_IDLE');
  });

  it('GIVEN 24/7 off and everyone leaves THEN the bot leaves after the alone time; with 24/7 it stays', async () => {
    await h.db.guildSettings.update(h.guildId, { alwaysOn: true });
    await h.play('/440.wav');
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: null });
    await sleep(1_500);
    expect((await h.request('nowPlaying', {})).ok && h.sim.audio(h.guildId, 500).connected).toBe(true);
    await h.db.guildSettings.update(h.guildId, { alwaysOn: false });
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: h.voiceChannelId });
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: null });
    await expect
      .poll(() => h.ui.some((e) => e.type === 'player.stopped' && e.payload.reason === 'alone'), {
        timeout: 5_000,
      })
      .toBe(true);
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: h.voiceChannelId });
  });

  it('GIVEN a moderator disconnects the bot THEN the player is cleaned up and nothing is saved', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.started(mark);
    await h.hear(TONES.a);
    h.sim.setVoiceState({ userId: '123456789012345678', guildId: h.guildId, channelId: null });
    await expect
      .poll(() => h.ui.some((e) => e.type === 'player.stopped' && e.payload.reason === 'kicked'), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(await h.db.playerStates.find(h.guildId)).toBeUndefined();
    expect((await h.play('/440.wav')).ok).toBe(true);
    await h.hear(TONES.a);
  });
});
