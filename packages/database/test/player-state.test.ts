import { expect, it } from 'vitest';
import { PLAYER_PREVIOUS_TRACKS_LIMIT, type PlayerState } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake, track } from './support/fixtures.js';

function playerState(guildId: string, savedAt: Date, overrides: Partial<PlayerState> = {}): PlayerState {
  return {
    guildId,
    voiceChannelId: snowflake(),
    textChannelId: snowflake(),
    currentTrack: track('Now Playing'),
    positionMs: 42_000,
    queue: [track('Next One'), track('After That')],
    previousTracks: [track('Earlier')],
    loopMode: 'queue',
    volume: 80,
    filters: { timescale: { speed: 1.1, pitch: 1, rate: 1 } },
    autoplay: true,
    paused: false,
    savedAt,
    ...overrides,
  };
}

describeEachBackend('player state repository', (db) => {
  it('GIVEN a saved player THEN it reads back identical, tracks and all', async () => {
    const state = playerState(snowflake(), new Date('2026-01-01T10:00:00.123Z'));
    expect(await db().playerStates.save(state)).toEqual({ status: 'saved', revision: 1 });
    expect(await db().playerStates.find(state.guildId)).toEqual({ ...state, revision: 1 });
  });

  it('GIVEN no saved player THEN find returns undefined', async () => {
    expect(await db().playerStates.find(snowflake())).toBeUndefined();
  });

  it('GIVEN a newer save THEN it replaces the stored state and bumps the revision', async () => {
    const guildId = snowflake();
    await db().playerStates.save(playerState(guildId, new Date(1_000)));
    const newer = playerState(guildId, new Date(2_000), { paused: true, currentTrack: null, queue: [] });
    expect(await db().playerStates.save(newer)).toEqual({ status: 'saved', revision: 2 });
    expect(await db().playerStates.find(guildId)).toEqual({ ...newer, revision: 2 });
  });

  it('GIVEN a save captured before the stored one THEN it is reported stale and changes nothing', async () => {
    const guildId = snowflake();
    const stored = playerState(guildId, new Date(5_000));
    await db().playerStates.save(stored);
    const outcome = await db().playerStates.save(playerState(guildId, new Date(4_000), { volume: 10 }));
    expect(outcome).toEqual({ status: 'stale', storedSavedAt: new Date(5_000), revision: 1 });
    expect((await db().playerStates.find(guildId))?.volume).toBe(stored.volume);
  });

  it('GIVEN two players saving the same guild at once THEN the later capture wins in either commit order', async () => {
    for (let round = 0; round < 10; round++) {
      const guildId = snowflake();
      const older = playerState(guildId, new Date(10_000), { volume: 11 });
      const newer = playerState(guildId, new Date(20_000), { volume: 22 });
      const writes = round % 2 === 0 ? [older, newer] : [newer, older];
      const outcomes = await Promise.all(writes.map((state) => db().playerStates.save(state)));
      const stored = await db().playerStates.find(guildId);
      expect(stored?.volume).toBe(22);
      expect(stored?.savedAt).toEqual(new Date(20_000));
      // Whichever committed second either applied (it was newer) or was told it was stale.
      expect(outcomes.filter((outcome) => outcome.status === 'saved').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('GIVEN more previous tracks than the limit THEN only the most recent ones are kept', async () => {
    const guildId = snowflake();
    const previousTracks = Array.from({ length: PLAYER_PREVIOUS_TRACKS_LIMIT + 5 }, (_, i) =>
      track(`Old ${i}`),
    );
    await db().playerStates.save(playerState(guildId, new Date(), { previousTracks }));
    const stored = await db().playerStates.find(guildId);
    expect(stored?.previousTracks).toEqual(previousTracks.slice(0, PLAYER_PREVIOUS_TRACKS_LIMIT));
  });

  it('GIVEN saved players THEN list pages through them in guild id order', async () => {
    const ids = [snowflake(), snowflake(), snowflake()].sort();
    for (const id of ids) await db().playerStates.save(playerState(id, new Date()));
    const all = [];
    let after: string | undefined;
    for (;;) {
      const page = await db().playerStates.list({
        limit: 2,
        ...(after === undefined ? {} : { afterGuildId: after }),
      });
      if (page.length === 0) break;
      all.push(...page.map((state) => state.guildId));
      after = page.at(-1)?.guildId;
    }
    expect(all.filter((id) => ids.includes(id))).toEqual(ids);
    expect([...all].sort()).toEqual(all);
  });

  it('GIVEN a delete older than the stored capture THEN the newer player survives', async () => {
    const guildId = snowflake();
    await db().playerStates.save(playerState(guildId, new Date(9_000)));
    expect(await db().playerStates.delete(guildId, new Date(8_000))).toBe(false);
    expect(await db().playerStates.find(guildId)).toBeDefined();
    expect(await db().playerStates.delete(guildId)).toBe(true);
    expect(await db().playerStates.find(guildId)).toBeUndefined();
  });
});
