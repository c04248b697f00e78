import { expect, it } from 'vitest';
import { GLOBAL_FLAG_SCOPE } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('feature flag repository', (db) => {
  const name = () => `test.flag-${snowflake()}`;

  it('GIVEN no value anywhere THEN the flag is off by default', async () => {
    expect(await db().featureFlags.resolve(snowflake(), name())).toMatchObject({
      enabled: false,
      source: 'default',
    });
  });

  it('GIVEN a global value THEN every guild inherits it until it sets its own', async () => {
    const flag = name();
    const guildId = snowflake();
    await db().featureFlags.set({
      scope: GLOBAL_FLAG_SCOPE,
      name: flag,
      enabled: true,
      payload: { percent: 50 },
    });
    expect(await db().featureFlags.resolve(guildId, flag)).toEqual({
      name: flag,
      enabled: true,
      payload: { percent: 50 },
      source: 'global',
    });
    await db().featureFlags.set({ scope: guildId, name: flag, enabled: false });
    expect(await db().featureFlags.resolve(guildId, flag)).toMatchObject({ enabled: false, source: 'guild' });
    expect(await db().featureFlags.resolve(snowflake(), flag)).toMatchObject({
      enabled: true,
      source: 'global',
    });
    expect(await db().featureFlags.remove(guildId, flag)).toBe(true);
    expect(await db().featureFlags.resolve(guildId, flag)).toMatchObject({ source: 'global' });
  });

  it('GIVEN the same guild and name set twice, even at once, THEN one row holds the last value', async () => {
    const flag = name();
    const guildId = snowflake();
    await Promise.all([
      db().featureFlags.set({ scope: guildId, name: flag, enabled: true }),
      db().featureFlags.set({ scope: guildId, name: flag, enabled: true }),
    ]);
    await db().featureFlags.set({ scope: guildId, name: flag, enabled: false });
    const rows = await db().featureFlags.list(guildId);
    expect(rows).toEqual([
      expect.objectContaining({ scope: guildId, name: flag, enabled: false, payload: null }),
    ]);
  });

  it('GIVEN a malformed name THEN it is refused', async () => {
    expect(await db().featureFlags.set({ scope: snowflake(), name: 'Has Spaces', enabled: true })).toEqual({
      ok: false,
      error: { code: 'INVALID_FLAG_NAME' },
    });
  });
});
