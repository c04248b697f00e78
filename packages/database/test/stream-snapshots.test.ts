import { expect, it } from 'vitest';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('stream snapshot repository', (db) => {
  it('GIVEN snapshots saved out of order THEN the one at the highest version is kept', async () => {
    const streamId = `player-${snowflake()}`;
    expect(await db().streamSnapshots.load(streamId)).toBeUndefined();
    expect(await db().streamSnapshots.save(streamId, 10, { queue: ['a', 'b'] })).toBe(true);
    expect(await db().streamSnapshots.save(streamId, 7, { queue: ['old'] })).toBe(false);
    expect(await db().streamSnapshots.save(streamId, 10, { queue: ['same'] })).toBe(false);
    const kept = await db().streamSnapshots.load(streamId);
    expect(kept).toMatchObject({ streamId, version: 10, state: { queue: ['a', 'b'] } });
    expect(kept?.takenAt).toBeInstanceOf(Date);
    expect(await db().streamSnapshots.save(streamId, 12, { queue: [] })).toBe(true);
    expect((await db().streamSnapshots.load(streamId))?.version).toBe(12);
  });
});
