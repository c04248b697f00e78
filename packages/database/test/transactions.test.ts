import { expect, it } from 'vitest';
import { describeEachBackend } from './support/backends.js';
import { snowflake, track } from './support/fixtures.js';

describeEachBackend('transaction helper', (db) => {
  it('GIVEN an open database THEN ping answers with a latency', async () => {
    const ping = await db().ping();
    expect(ping.ok && ping.value.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('GIVEN a callback that resolves THEN every write in it is committed', async () => {
    const guildId = snowflake();
    const result = await db().transaction(async (tx) => {
      await tx.guildSettings.update(guildId, { defaultVolume: 40 });
      await tx.featureFlags.set({ scope: guildId, name: 'tx.commit', enabled: true });
      return 'done';
    });
    expect(result).toBe('done');
    expect((await db().guildSettings.get(guildId)).defaultVolume).toBe(40);
    expect((await db().featureFlags.resolve(guildId, 'tx.commit')).enabled).toBe(true);
  });

  it('GIVEN a callback that throws THEN nothing it wrote remains and the same error reaches the caller', async () => {
    const guildId = snowflake();
    const failure = new Error('changed my mind');
    await expect(
      db().transaction(async (tx) => {
        await tx.guildSettings.update(guildId, { defaultVolume: 40 });
        await tx.listeningHistory.record({
          guildId,
          userId: snowflake(),
          track: track('Rolled Back'),
          startedAt: new Date(),
          endedAt: new Date(),
          playedMs: 0,
          outcome: 'stopped',
        });
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await db().guildSettings.get(guildId)).revision).toBe(0);
    expect(await db().listeningHistory.recentForGuild(guildId, { limit: 5 })).toEqual([]);
  });

  it('GIVEN an event append conflict inside a transaction THEN the transaction stays usable and commits the rest', async () => {
    const streamId = `guild-${snowflake()}`;
    const guildId = snowflake();
    await db().domainEvents.append(streamId, 0, [{ type: 'Created', data: null }]);
    const conflicted = await db().transaction(async (tx) => {
      const append = await tx.domainEvents.append(streamId, 0, [{ type: 'Duplicate', data: null }]);
      await tx.guildSettings.update(guildId, { language: 'de' });
      return !append.ok;
    });
    expect(conflicted).toBe(true);
    expect((await db().guildSettings.get(guildId)).language).toBe('de');
    expect(await db().domainEvents.streamVersion(streamId)).toBe(1);
  });

  it('GIVEN a result-returning callback that fails THEN its writes are rolled back and the failure is returned', async () => {
    const owner = { type: 'guild', id: snowflake() } as const;
    const outcome = await db().transactionResult(async (tx) => {
      const created = await tx.playlists.create({ owner, name: 'Half Done', createdBy: owner.id });
      if (!created.ok) return created;
      return tx.playlists.removeTrack(created.value.id, 0); // empty playlist: position out of range
    });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'POSITION_OUT_OF_RANGE', position: 0, trackCount: 0 },
    });
    expect(await db().playlists.findByName(owner, 'Half Done')).toBeUndefined();
  });

  it('GIVEN a result-returning callback that succeeds THEN its writes are committed', async () => {
    const owner = { type: 'user', id: snowflake() } as const;
    const outcome = await db().transactionResult(async (tx) => {
      const created = await tx.playlists.create({ owner, name: 'Done', createdBy: owner.id });
      if (!created.ok) return created;
      return tx.playlists.addTracks(created.value.id, [track('One')], owner.id);
    });
    expect(outcome).toEqual({ ok: true, value: { trackCount: 1 } });
    expect((await db().playlists.findByName(owner, 'done'))?.trackCount).toBe(1);
  });
});
