import { DefaultAudioServiceOptions } from '@discord-bot/audio';
import type { UiNowEvent, UiNowEventType } from '@discord-bot/messaging';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const titleOf = (uri: string | null | undefined) => uri?.split('/').pop();

type EventOf<T extends UiNowEventType> = Extract<UiNowEvent, { type: T }>;

/** How long the UI may wait for an event it is owed (delivery is asynchronous, as over Redis). */
const EVENT_TIMEOUT_MS = 5_000;
const TONE_MS = 20_000;
const PROGRESS_MS = TEST_OPTIONS.progressIntervalMs ?? 500;
/** The service estimates the position between the node's reports, which may set it back a little. */
const POSITION_CORRECTION_MS = 1_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: ui:now events', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness();
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.request('stop', {});
    await h.request('loop', { mode: 'off' });
  });

  /** This guild's events of `type` published after the event count `mark`. */
  function since<T extends UiNowEventType>(mark: number, type: T): EventOf<T>[] {
    return h.ui
      .slice(mark)
      .filter((event): event is EventOf<T> => event.type === type && event.guildId === h.guildId);
  }

  /** Waits for the first such event after `mark`. */
  async function next<T extends UiNowEventType>(mark: number, type: T): Promise<EventOf<T>> {
    await expect.poll(() => since(mark, type).length, { timeout: EVENT_TIMEOUT_MS }).toBeGreaterThan(0);
    return since(mark, type)[0] as EventOf<T>;
  }

  it('GIVEN the issue THEN progress is published every 5 s by default', () => {
    expect(DefaultAudioServiceOptions.progressIntervalMs).toBe(5_000);
  });

  it('GIVEN a track starts THEN track.start carries the track, its requester, the queue length and the text channel', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    const start = (await next(mark, 'track.start')).payload;
    expect(start).toMatchObject({
      textChannelId: h.textChannelId,
      track: {
        durationMs: TONE_MS,
        isStream: false,
        sourceName: 'http',
        requester: { userId: h.aliceId, displayName: 'alice' },
      },
    });
    expect(titleOf(start.track.uri)).toBe('440.wav');
    expect(start.track.encoded).not.toBe('');

    await h.play('/880.wav');
    await h.play('/660.wav');
    const skipMark = h.ui.length;
    await h.request('skip', {});
    const next880 = (await next(skipMark, 'track.start')).payload;
    expect(titleOf(next880.track.uri)).toBe('880.wav');
    // What is left to play after it: the gateway shows it beside the track.
    expect(next880.queueLength).toBe(1);
  });

  it('GIVEN a track playing THEN progress comes every interval with a growing position, and none while paused', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.started(mark);
    await h.hear(TONES.a);
    const playingFrom = h.ui.length;
    await sleep(PROGRESS_MS * 5 + 200);
    const ticks = since(playingFrom, 'player.progress');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick.payload).toMatchObject({ durationMs: TONE_MS, paused: false });
    // Each tick is later in the track than the one before, give or take the node correcting the estimate.
    const positions = ticks.map((tick) => tick.payload.positionMs);
    for (let i = 1; i < positions.length; i += 1) {
      expect(positions[i]).toBeGreaterThan((positions[i - 1] ?? 0) - POSITION_CORRECTION_MS);
    }
    const first = ticks[0] as EventOf<'player.progress'>;
    const last = ticks.at(-1) as EventOf<'player.progress'>;
    // The position moves with the clock (the node's estimate, within a second).
    const moved = last.payload.positionMs - first.payload.positionMs;
    expect(Math.abs(moved - (last.sentAt - first.sentAt))).toBeLessThan(POSITION_CORRECTION_MS);
    const gaps = ticks
      .slice(1)
      .map((tick, i) => tick.sentAt - (ticks[i] as EventOf<'player.progress'>).sentAt);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(PROGRESS_MS / 2);

    const pauseMark = h.ui.length;
    const paused = await h.request('pause', {});
    if (!paused.ok) throw new Error(paused.error.message);
    expect((await next(pauseMark, 'player.paused')).payload).toEqual({
      paused: true,
      positionMs: paused.value.positionMs,
    });
    await sleep(PROGRESS_MS * 4);
    expect(since(pauseMark, 'player.progress')).toEqual([]);
    // Paused, the position holds (the node's own report may correct the service's estimate a little).
    const held = await h.request('nowPlaying', {});
    expect(held.ok && Math.abs(held.value.positionMs - paused.value.positionMs)).toBeLessThan(
      POSITION_CORRECTION_MS,
    );

    const resumeMark = h.ui.length;
    const resumed = await h.request('resume', {});
    if (!resumed.ok) throw new Error(resumed.error.message);
    const resumedEvent = (await next(resumeMark, 'player.paused')).payload;
    expect(resumedEvent.paused).toBe(false);
    expect(Math.abs(resumedEvent.positionMs - paused.value.positionMs)).toBeLessThan(1_000);
    expect((await next(resumeMark, 'player.progress')).payload).toMatchObject({
      paused: false,
      durationMs: TONE_MS,
    });
  });

  it('GIVEN volume and loop changes THEN each is published with its new value', async () => {
    await h.play('/440.wav');
    const mark = h.ui.length;
    await h.request('volume', { volume: 70 });
    expect((await next(mark, 'player.volume')).payload).toEqual({ volume: 70 });
    await h.request('volume', { volume: 0 });
    await expect
      .poll(() => since(mark, 'player.volume').map((event) => event.payload.volume), {
        timeout: EVENT_TIMEOUT_MS,
      })
      .toEqual([70, 0]);
    await h.request('volume', { volume: 100 });

    const loopMark = h.ui.length;
    await h.request('loop', { mode: 'track' });
    await h.request('loop', { mode: 'queue' });
    await h.request('loop', { mode: 'off' });
    await expect
      .poll(() => since(loopMark, 'player.loop').map((event) => event.payload.mode), {
        timeout: EVENT_TIMEOUT_MS,
      })
      .toEqual(['track', 'queue', 'off']);
  });

  it('GIVEN queue edits THEN queue.changed says why, with the new length and total duration', async () => {
    await h.play('/440.wav');
    const mark = h.ui.length;
    await h.play('/660.wav');
    await h.play('/880.wav');
    await h.play('/short-660.wav');
    await h.request('move', { from: 3, to: 1 });
    await h.request('remove', { position: 2 });
    await h.request('shuffle', {});
    await h.request('skip', {});
    await h.request('clear', {});
    await expect
      .poll(() => since(mark, 'queue.changed').map((event) => event.payload), { timeout: EVENT_TIMEOUT_MS })
      .toEqual([
        { reason: 'added', length: 1, totalDurationMs: 20_000 },
        { reason: 'added', length: 2, totalDurationMs: 40_000 },
        { reason: 'added', length: 3, totalDurationMs: 42_000 },
        // short-660, 660, 880
        { reason: 'moved', length: 3, totalDurationMs: 42_000 },
        // short-660, 880
        { reason: 'removed', length: 2, totalDurationMs: 22_000 },
        { reason: 'shuffled', length: 2, totalDurationMs: 22_000 },
        { reason: 'advanced', length: 1, totalDurationMs: expect.any(Number) as number },
        { reason: 'cleared', length: 0, totalDurationMs: 0 },
      ]);
  });

  it('GIVEN tracks that finish, are skipped, replaced and stopped THEN track.end gives each reason', async () => {
    const mark = h.ui.length;
    await h.play('/short-660.wav');
    await h.play('/440.wav');
    await h.play('/880.wav');
    // short-660 plays out by itself, then 440 starts.
    await expect
      .poll(() => since(mark, 'track.start').map((event) => titleOf(event.payload.track.uri)), {
        timeout: 10_000,
      })
      .toEqual(['short-660.wav', '440.wav']);
    await h.request('skip', {});
    await h.play('/660.wav', 'now');
    await h.request('stop', {});
    await expect
      .poll(
        () =>
          since(mark, 'track.end').map((event) => [titleOf(event.payload.track.uri), event.payload.reason]),
        { timeout: EVENT_TIMEOUT_MS },
      )
      .toEqual([
        ['short-660.wav', 'finished'],
        ['440.wav', 'skipped'],
        ['880.wav', 'replaced'],
        ['660.wav', 'stopped'],
      ]);
    const ended = since(mark, 'track.end')[0] as EventOf<'track.end'>;
    expect(ended.payload.track).toMatchObject({ durationMs: 2_000, requester: { userId: h.aliceId } });
    expect((await next(mark, 'player.stopped')).payload).toEqual({ reason: 'stopped' });
  });
});
