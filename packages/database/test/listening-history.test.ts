import { expect, it } from 'vitest';
import { trackKeyOf, type PlayRecord } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake, track } from './support/fixtures.js';

function play(
  guildId: string,
  userId: string,
  startedAtMs: number,
  overrides: Partial<PlayRecord> = {},
): PlayRecord {
  return {
    guildId,
    userId,
    track: track('Song'),
    startedAt: new Date(startedAtMs),
    endedAt: new Date(startedAtMs + 180_000),
    playedMs: 180_000,
    outcome: 'finished',
    ...overrides,
  };
}

describeEachBackend('listening history repository', (db) => {
  it('GIVEN a recorded play THEN it reads back with its id', async () => {
    const record = play(snowflake(), snowflake(), Date.UTC(2026, 0, 1));
    const entry = await db().listeningHistory.record(record);
    expect(entry).toEqual({ ...record, id: entry.id });
    expect(Number.isInteger(entry.id)).toBe(true);
    expect(await db().listeningHistory.recentForGuild(record.guildId, { limit: 10 })).toEqual([entry]);
  });

  it('GIVEN plays in two guilds THEN each guild sees its own, newest first, and a user sees theirs everywhere', async () => {
    const [guildA, guildB, user] = [snowflake(), snowflake(), snowflake()];
    const base = Date.UTC(2026, 1, 1);
    await db().listeningHistory.record(play(guildA, user, base));
    await db().listeningHistory.record(play(guildA, snowflake(), base + 1_000));
    await db().listeningHistory.record(
      play(guildB, user, base + 2_000, { outcome: 'skipped', playedMs: 5_000 }),
    );
    const inA = await db().listeningHistory.recentForGuild(guildA, { limit: 10 });
    expect(inA.map((entry) => entry.startedAt.getTime())).toEqual([base + 1_000, base]);
    const byUser = await db().listeningHistory.recentForUser(user, { limit: 10 });
    expect(byUser.map((entry) => [entry.guildId, entry.outcome])).toEqual([
      [guildB, 'skipped'],
      [guildA, 'finished'],
    ]);
  });

  it('GIVEN a page cursor THEN the next page holds only older plays', async () => {
    const guildId = snowflake();
    const base = Date.UTC(2026, 2, 1);
    for (let i = 0; i < 5; i++)
      await db().listeningHistory.record(play(guildId, snowflake(), base + i * 1_000));
    const first = await db().listeningHistory.recentForGuild(guildId, { limit: 2 });
    const second = await db().listeningHistory.recentForGuild(guildId, {
      limit: 2,
      before: first.at(-1)!.startedAt,
    });
    expect([...first, ...second].map((entry) => entry.startedAt.getTime() - base)).toEqual([
      4_000, 3_000, 2_000, 1_000,
    ]);
  });

  it('GIVEN repeated plays THEN top tracks counts plays and skips per track since a date', async () => {
    const guildId = snowflake();
    const hit = track('Hit');
    const other = track('Other');
    const base = Date.UTC(2026, 3, 1);
    await db().listeningHistory.record(play(guildId, snowflake(), base - 86_400_000, { track: hit })); // too old
    await db().listeningHistory.record(play(guildId, snowflake(), base + 1, { track: hit }));
    await db().listeningHistory.record(
      play(guildId, snowflake(), base + 2, { track: hit, outcome: 'skipped' }),
    );
    await db().listeningHistory.record(play(guildId, snowflake(), base + 3, { track: other }));
    const top = await db().listeningHistory.topTracks(guildId, { since: new Date(base), limit: 10 });
    expect(top).toEqual([
      { trackKey: trackKeyOf(hit), title: 'Hit', author: hit.info.author, track: hit, plays: 2, skips: 1 },
      {
        trackKey: trackKeyOf(other),
        title: 'Other',
        author: other.info.author,
        track: other,
        plays: 1,
        skips: 0,
      },
    ]);
  });

  it('GIVEN a retention cutoff THEN only older plays are pruned', async () => {
    const guildId = snowflake();
    await db().listeningHistory.record(play(guildId, snowflake(), Date.UTC(2000, 0, 1)));
    const kept = await db().listeningHistory.record(play(guildId, snowflake(), Date.UTC(2030, 0, 1)));
    expect(await db().listeningHistory.pruneOlderThan(new Date(Date.UTC(2001, 0, 1)))).toBeGreaterThanOrEqual(
      1,
    );
    expect(await db().listeningHistory.recentForGuild(guildId, { limit: 10 })).toEqual([kept]);
  });
});
