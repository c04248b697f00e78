import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TONES, type AudioHarness } from './support/audio-harness.js';

const titleOf = (uri: string | null | undefined) => uri?.split('/').pop();

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: the queue', () => {
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

  async function queueUris(): Promise<(string | undefined)[]> {
    const page = await h.request('queuePage', { page: 1, pageSize: 25 });
    if (!page.ok) throw new Error(page.error.message);
    return page.value.tracks.map((entry) => titleOf(entry.track.uri));
  }

  it('GIVEN loop queue and the last track THEN skip plays the queue again from its start', async () => {
    await h.play('/440.wav');
    await h.request('loop', { mode: 'queue' });
    const mark = h.ui.length;
    const skipped = await h.request('skip', {});
    if (!skipped.ok) throw new Error(skipped.error.message);
    expect(titleOf(skipped.value.next?.uri)).toBe('440.wav');
    await h.started(mark);
    await h.hear(TONES.a);
  });

  it('GIVEN loop track THEN skip still moves on to the next track', async () => {
    await h.play('/440.wav');
    await h.play('/880.wav');
    await h.request('loop', { mode: 'track' });
    const skipped = await h.request('skip', {});
    expect(skipped.ok && titleOf(skipped.value.next?.uri)).toBe('880.wav');
    await h.hear(TONES.c);
  });

  it('GIVEN three queued tracks THEN move, remove and out-of-range positions behave', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    await h.play('/880.wav');
    await h.play('/short-660.wav');
    expect(await queueUris()).toEqual(['660.wav', '880.wav', 'short-660.wav']);
    const moved = await h.request('move', { from: 3, to: 1 });
    expect(moved.ok && moved.value.from).toBe(3);
    expect(await queueUris()).toEqual(['short-660.wav', '660.wav', '880.wav']);
    const outside = await h.request('move', { from: 1, to: 9 });
    expect(outside.ok ? null : outside.error).toMatchObject({
      code: 'POSITION_OUT_OF_RANGE',
      context: { position: 9, max: 3 },
    });
    const removed = await h.request('remove', { position: 2 });
    expect(removed.ok && titleOf(removed.value.removed.uri)).toBe('660.wav');
    const removeOutside = await h.request('remove', { position: 5 });
    expect(removeOutside.ok ? null : removeOutside.error.code).toBe('POSITION_OUT_OF_RANGE');
    expect(await queueUris()).toEqual(['short-660.wav', '880.wav']);
  });

  it('GIVEN skip to a position THEN the tracks before it are dropped and it plays', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    await h.play('/880.wav');
    const skipped = await h.request('skip', { to: 2 });
    expect(skipped.ok && titleOf(skipped.value.next?.uri)).toBe('880.wav');
    expect(await queueUris()).toEqual([]);
    await h.hear(TONES.c);
    const beyond = await h.request('skip', { to: 4 });
    expect(beyond.ok ? null : beyond.error.code).toBe('POSITION_OUT_OF_RANGE');
  });

  it('GIVEN loop queue THEN skip to a position sends the current track and the skipped ones to the back, in their order', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    await h.play('/880.wav');
    await h.play('/short-660.wav');
    await h.request('loop', { mode: 'queue' });

    const skipped = await h.request('skip', { to: 2 });

    expect(skipped.ok && titleOf(skipped.value.next?.uri)).toBe('880.wav');
    expect(await queueUris()).toEqual(['short-660.wav', '440.wav', '660.wav']);
  });

  it('GIVEN a played track THEN previous plays it again and the current one goes back to the queue', async () => {
    await h.play('/440.wav');
    await h.play('/880.wav');
    await h.request('skip', {});
    await h.hear(TONES.c);
    const mark = h.ui.length;
    const previous = await h.request('previous', {});
    expect(previous.ok && titleOf(previous.value.track.uri)).toBe('440.wav');
    expect(await queueUris()).toEqual(['880.wav']);
    await h.started(mark);
    await h.hear(TONES.a);
  });

  it('GIVEN a queue THEN shuffle keeps its tracks, clear empties it and the current track plays on', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    await h.play('/880.wav');
    await h.play('/short-660.wav');
    const shuffled = await h.request('shuffle', {});
    expect(shuffled.ok && shuffled.value.count).toBe(3);
    expect((await queueUris()).sort()).toEqual(['660.wav', '880.wav', 'short-660.wav']);
    const cleared = await h.request('clear', {});
    expect(cleared.ok && cleared.value.clearedCount).toBe(3);
    expect(await queueUris()).toEqual([]);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && titleOf(now.value.track?.uri)).toBe('440.wav');
    const empty = await h.request('shuffle', {});
    expect(empty.ok ? null : empty.error.code).toBe('QUEUE_EMPTY');
  });

  it('GIVEN play next and play now THEN they go to the head of the queue or replace the current track', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    const next = await h.play('/880.wav', 'next');
    expect(next.ok && next.value.position).toBe(1);
    expect(await queueUris()).toEqual(['880.wav', '660.wav']);
    const now = await h.play('/short-660.wav', 'now');
    expect(now.ok && now.value.position).toBe(0);
    await h.hear(TONES.b);
  });

  it('GIVEN stop THEN nothing plays, the queue is empty, and commands on the current track are refused', async () => {
    await h.play('/440.wav');
    await h.play('/660.wav');
    const stopped = await h.request('stop', {});
    expect(stopped.ok && stopped.value.clearedCount).toBe(1);
    const pause = await h.request('pause', {});
    expect(pause.ok ? null : pause.error.code).toBe('NOTHING_PLAYING');
    const replay = await h.request('replay', {});
    expect(replay.ok ? null : replay.error.code).toBe('NOTHING_PLAYING');
  });

  it('GIVEN many tracks THEN the queue reads in pages', async () => {
    await h.play('/440.wav');
    for (let i = 0; i < 5; i += 1) await h.play(i % 2 === 0 ? '/660.wav' : '/880.wav');
    const page = await h.request('queuePage', { page: 2, pageSize: 2 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value).toMatchObject({ page: 2, pageCount: 3, total: 5, totalDurationMs: 100_000 });
    expect(page.value.tracks.map((t) => t.position)).toEqual([3, 4]);
  });
});
