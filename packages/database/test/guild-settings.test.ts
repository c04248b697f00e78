import { expect, it } from 'vitest';
import { DEFAULT_GUILD_SETTINGS, type GuildSettingsPatch } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('guild settings repository', (db) => {
  it('GIVEN a guild that never changed anything THEN it reads the defaults at revision 0', async () => {
    const guildId = snowflake();
    const settings = await db().guildSettings.get(guildId);
    expect(settings).toEqual({ guildId, ...DEFAULT_GUILD_SETTINGS, revision: 0, updatedAt: null });
  });

  it('GIVEN an update THEN the changed fields are stored and the others keep their defaults', async () => {
    const guildId = snowflake();
    const djRoleId = snowflake();
    const result = await db().guildSettings.update(guildId, {
      defaultVolume: 70,
      djRoleId,
      alwaysOn: true,
      autoplayMode: 'artist',
      maxTrackDurationMs: 600_000,
      language: 'pt-BR',
    });
    expect(result.ok).toBe(true);
    const stored = await db().guildSettings.get(guildId);
    expect(stored).toMatchObject({
      defaultVolume: 70,
      djRoleId,
      alwaysOn: true,
      autoplayMode: 'artist',
      maxTrackDurationMs: 600_000,
      language: 'pt-BR',
      voteSkipRatio: DEFAULT_GUILD_SETTINGS.voteSkipRatio,
      revision: 1,
    });
    expect(stored.updatedAt).toBeInstanceOf(Date);
  });

  it('GIVEN two updates of different fields THEN both land and the revision counts them', async () => {
    const guildId = snowflake();
    await Promise.all([
      db().guildSettings.update(guildId, { duplicateGuard: true }),
      db().guildSettings.update(guildId, { voteSkipRatio: 0.75 }),
    ]);
    const stored = await db().guildSettings.get(guildId);
    expect(stored).toMatchObject({ duplicateGuard: true, voteSkipRatio: 0.75, revision: 2 });
  });

  it('GIVEN a setting cleared to null THEN it reads back as null', async () => {
    const guildId = snowflake();
    await db().guildSettings.update(guildId, { announceChannelId: snowflake() });
    await db().guildSettings.update(guildId, { announceChannelId: null });
    expect((await db().guildSettings.get(guildId)).announceChannelId).toBeNull();
  });

  it.each([
    [{ defaultVolume: 201 }, 'defaultVolume'],
    [{ defaultVolume: 5.5 }, 'defaultVolume'],
    [{ voteSkipRatio: 0 }, 'voteSkipRatio'],
    [{ maxQueueLength: 0 }, 'maxQueueLength'],
    [{ djRoleId: 'not-a-snowflake' }, 'djRoleId'],
    [{ language: 'english' }, 'language'],
    // As an API caller's JSON could send it: not one of the known sources.
    [{ defaultSearchSource: 'bandcamp' } as unknown as GuildSettingsPatch, 'defaultSearchSource'],
  ] as const)('GIVEN an invalid value %o THEN the update is refused naming %s', async (patch, field) => {
    const guildId = snowflake();
    const result = await db().guildSettings.update(guildId, patch);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'INVALID_SETTING', field });
    expect((await db().guildSettings.get(guildId)).revision).toBe(0);
  });

  it('GIVEN a default search source THEN it is stored, and clearing it to null goes back to the usual order', async () => {
    const guildId = snowflake();
    expect((await db().guildSettings.get(guildId)).defaultSearchSource).toBeNull();
    const result = await db().guildSettings.update(guildId, { defaultSearchSource: 'local' });
    expect(result.ok && result.value.defaultSearchSource).toBe('local');
    expect((await db().guildSettings.get(guildId)).defaultSearchSource).toBe('local');
    await db().guildSettings.update(guildId, { defaultSearchSource: null });
    expect((await db().guildSettings.get(guildId)).defaultSearchSource).toBeNull();
  });

  it('GIVEN a reset THEN the guild reads the defaults again', async () => {
    const guildId = snowflake();
    await db().guildSettings.update(guildId, { defaultVolume: 30 });
    expect(await db().guildSettings.reset(guildId)).toBe(true);
    expect((await db().guildSettings.get(guildId)).defaultVolume).toBe(DEFAULT_GUILD_SETTINGS.defaultVolume);
    expect(await db().guildSettings.reset(guildId)).toBe(false);
  });
});
