import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { readMetric } from './support/read-metric.js';

const NODE = { node: 'node-0' };
/** Gauges of the nodes are sampled every progress interval: give them a few. */
const GAUGE_TIMEOUT_MS = 5_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: metrics', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness(TEST_OPTIONS);
  });
  afterAll(async () => {
    await h?.close();
  });

  const metric = (name: string, labels?: Readonly<Record<string, string>>) =>
    readMetric(h.registry, name, labels);

  it('GIVEN a fresh service THEN no player is active and its node is up with no players', async () => {
    expect(await metric('audio_active_players')).toBe(0);
    expect(await metric('audio_lavalink_node_up', NODE)).toBe(1);
    expect(await metric('audio_lavalink_node_players', NODE)).toBe(0);
    expect(await metric('audio_tracks_started_total')).toBe(0);
  });

  it('GIVEN a play THEN the player, the track start, the command and its latency are counted', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.play('/880.wav');
    await h.started(mark);
    await h.hear(TONES.a);
    expect(await metric('audio_active_players')).toBe(1);
    await expect.poll(() => metric('audio_tracks_started_total'), { timeout: GAUGE_TIMEOUT_MS }).toBe(1);
    expect(await metric('audio_commands_total', { type: 'play', outcome: 'ok' })).toBe(2);
    expect(await metric('audio_command_duration_seconds_count', { type: 'play' })).toBe(2);
    expect(await metric('audio_command_duration_seconds_sum', { type: 'play' })).toBeGreaterThan(0);
    // The slowest bucket holds every observation; a play here takes far less than 2.5 s.
    expect(await metric('audio_command_duration_seconds_bucket', { type: 'play', le: '+Inf' })).toBe(2);
    await expect
      .poll(() => metric('audio_lavalink_node_players', NODE), { timeout: GAUGE_TIMEOUT_MS })
      .toBe(1);
  });

  it('GIVEN refused commands THEN they are counted by their error code, beside the successful ones', async () => {
    const past = await h.request('seek', { positionMs: 60_000 });
    expect(past.ok).toBe(false);
    await h.request('seek', { positionMs: 1_000 });
    const outside = await h.request('remove', { position: 9 });
    expect(outside.ok).toBe(false);
    expect(await metric('audio_commands_total', { type: 'seek', outcome: 'INVALID_INPUT' })).toBe(1);
    expect(await metric('audio_commands_total', { type: 'seek', outcome: 'ok' })).toBe(1);
    expect(await metric('audio_commands_total', { type: 'remove', outcome: 'POSITION_OUT_OF_RANGE' })).toBe(
      1,
    );
    expect(await metric('audio_command_duration_seconds_count', { type: 'seek' })).toBe(2);
  });

  it('GIVEN tracks skipped, finished and stopped THEN each end is counted by its reason', async () => {
    const mark = h.ui.length;
    await h.request('skip', {});
    await h.started(mark);
    await h.hear(TONES.c);
    expect(await metric('audio_tracks_ended_total', { reason: 'skipped' })).toBe(1);
    await expect.poll(() => metric('audio_tracks_started_total'), { timeout: GAUGE_TIMEOUT_MS }).toBe(2);

    await h.play('/short-660.wav');
    await h.request('seek', { positionMs: 19_000 });
    // 880 plays out, then short-660 does: two natural ends.
    await expect
      .poll(() => metric('audio_tracks_ended_total', { reason: 'finished' }), { timeout: 15_000 })
      .toBe(2);
    expect(await metric('audio_tracks_started_total')).toBe(3);

    const stopMark = h.ui.length;
    await h.play('/440.wav');
    await h.started(stopMark);
    await h.request('stop', {});
    expect(await metric('audio_tracks_ended_total', { reason: 'stopped' })).toBe(1);
    expect(await metric('audio_commands_total', { type: 'stop', outcome: 'ok' })).toBe(1);
  });

  it('GIVEN play now, previous and leave THEN the track each ends is counted once, by its reason', async () => {
    const ended = async () => ({
      replaced: await metric('audio_tracks_ended_total', { reason: 'replaced' }),
      skipped: await metric('audio_tracks_ended_total', { reason: 'skipped' }),
      stopped: await metric('audio_tracks_ended_total', { reason: 'stopped' }),
    });
    const before = await ended();
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.started(mark);
    await h.play('/880.wav', 'now');
    await h.hear(TONES.c);
    // 880 goes back to the queue and 440 plays again: 880 was skipped.
    await h.request('previous', {});
    await h.hear(TONES.a);
    await h.request('leave', {});
    expect(await ended()).toEqual({
      replaced: before.replaced + 1,
      skipped: before.skipped + 1,
      stopped: before.stopped + 1,
    });
    // Each end also reached the UI once, with the same reasons.
    const ends = h.ui.slice(mark).flatMap((e) => (e.type === 'track.end' ? [e.payload.reason] : []));
    expect(ends).toEqual(['replaced', 'skipped', 'stopped']);
  });

  it('GIVEN leave THEN no player is active and the node has none', async () => {
    await h.request('leave', {});
    expect(await metric('audio_active_players')).toBe(0);
    await expect
      .poll(() => metric('audio_lavalink_node_players', NODE), { timeout: GAUGE_TIMEOUT_MS })
      .toBe(0);
  });

  it('GIVEN a restart with a player saved mid-track THEN the restore and its duration are counted', async () => {
    const mark = h.ui.length;
    await h.play('/440.wav');
    await h.started(mark);
    await h.request('seek', { positionMs: 5_000 });
    const restartMark = h.ui.length;
    await h.restart();
    await h.started(restartMark);
    await h.hear(TONES.a);
    expect(await metric('audio_restores_total', { outcome: 'ok' })).toBe(1);
    expect(await metric('audio_restores_total', { outcome: 'failed' })).toBe(0);
    expect(await metric('audio_active_players')).toBe(1);
    await expect
      .poll(() => metric('audio_restore_duration_seconds_count'), { timeout: GAUGE_TIMEOUT_MS })
      .toBe(1);
    expect(await metric('audio_restore_duration_seconds_sum')).toBeGreaterThan(0);
    // Counters start again with the new process: only what it did since.
    expect(await metric('audio_commands_total', { type: 'play', outcome: 'ok' })).toBe(0);
    await expect.poll(() => metric('audio_tracks_started_total'), { timeout: GAUGE_TIMEOUT_MS }).toBe(1);
  });

  it('GIVEN the node goes away THEN its health gauge drops to 0 while the waiting player is still counted', async () => {
    await h.node.close();
    await expect.poll(() => metric('audio_lavalink_node_up', NODE), { timeout: GAUGE_TIMEOUT_MS }).toBe(0);
    await expect
      .poll(() => h.gateway.notices.some((n) => n.payload.code === 'AUDIO_NODE_LOST'), {
        timeout: GAUGE_TIMEOUT_MS,
      })
      .toBe(true);
    expect(await metric('audio_active_players')).toBe(1);
  });
});
