import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TONES, type AudioHarness } from './support/audio-harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const titleOf = (uri: string | null | undefined) => uri?.split('/').pop();

/** How close to 0 the position must read right after a replay (the node reports every second or so). */
const JUST_STARTED_MS = 3_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: replay', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.request('stop', {});
  });

  async function position(): Promise<number> {
    const now = await h.request('nowPlaying', {});
    if (!now.ok) throw new Error(now.error.message);
    return now.value.positionMs;
  }

  it('GIVEN a track well into playing THEN replay goes back to 0 and the simulator keeps hearing it', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.play('/880.wav');
    await h.started(mark);
    await h.request('seek', { positionMs: 12_000 });
    await h.hear(TONES.a);
    await expect.poll(position, { timeout: 5_000 }).toBeGreaterThanOrEqual(12_000);

    const replayMark = h.ui.length;
    const replayed = await h.request('replay', {});
    if (!replayed.ok) throw new Error(replayed.error.message);
    expect(titleOf(replayed.value.track.uri)).toBe('440.wav');
    expect(replayed.value.track).toMatchObject({ durationMs: 20_000, requester: { userId: h.aliceId } });
    expect(await position()).toBeLessThan(JUST_STARTED_MS);
    // The UI hears of the jump at once (a progress tick may come first, from before the replay).
    expect(
      h.ui
        .slice(replayMark)
        .filter((event) => event.type === 'player.progress' && event.guildId === h.guildId)
        .map((event) => event.payload),
    ).toContainEqual({ positionMs: 0, durationMs: 20_000, paused: false });

    // The same track goes on from the start: still the tone, the position grows from 0, and the queue waits.
    await h.hear(TONES.a);
    await sleep(1_500);
    const later = await position();
    expect(later).toBeGreaterThan(0);
    expect(later).toBeLessThan(12_000);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value).toMatchObject({ queueLength: 1 });
    expect(now.ok && titleOf(now.value.track?.uri)).toBe('440.wav');
    expect(h.ui.slice(replayMark).some((event) => event.type === 'track.end')).toBe(false);
    const saved = await h.db.playerStates.find(h.guildId);
    expect(saved?.positionMs).toBeLessThan(12_000);
  });

  it('GIVEN a short track replayed while playing THEN it plays through again before the next one starts', async () => {
    const mark = h.ui.length;
    await h.play('/short-660.wav');
    await h.play('/880.wav');
    await h.started(mark);
    await h.hear(TONES.b);
    const replayedAt = Date.now();
    const replayed = await h.request('replay', {});
    expect(replayed.ok && titleOf(replayed.value.track.uri)).toBe('short-660.wav');
    await h.hear(TONES.b);
    await expect
      .poll(
        () =>
          h.ui.find(
            (event, i) =>
              i >= mark && event.type === 'track.start' && titleOf(event.payload.track.uri) === '880.wav',
          ),
        { timeout: 10_000 },
      )
      .toBeDefined();
    const next = h.ui.find(
      (event, i) =>
        i >= mark && event.type === 'track.start' && titleOf(event.payload.track.uri) === '880.wav',
    );
    // 2 s of tone from 0 again, not the rest of the first play (a lower bound: load only delays it).
    expect((next?.sentAt ?? 0) - replayedAt).toBeGreaterThanOrEqual(1_500);
    const ended = h.ui.slice(mark).filter((event) => event.type === 'track.end');
    expect(ended.map((event) => [titleOf(event.payload.track.uri), event.payload.reason])).toEqual([
      ['short-660.wav', 'finished'],
    ]);
    await h.hear(TONES.c);
  });

  it('GIVEN a paused track THEN replay rewinds it and it stays paused', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.started(mark);
    await h.request('seek', { positionMs: 8_000 });
    await h.request('pause', {});
    const replayed = await h.request('replay', {});
    expect(replayed.ok).toBe(true);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value).toMatchObject({ paused: true });
    expect(now.ok && now.value.positionMs).toBeLessThan(JUST_STARTED_MS);
    await sleep(400);
    const before = h.sim.audio(h.guildId, 1_000).totalPackets;
    await sleep(500);
    expect(h.sim.audio(h.guildId, 1_000).totalPackets).toBe(before);
    await h.request('resume', {});
    await h.hear(TONES.a);
    expect(await position()).toBeLessThan(8_000);
  });
});
