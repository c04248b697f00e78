import { expect, it } from 'vitest';
import { API_KEY_LAST_USED_RESOLUTION_MS, hashApiKeyToken } from '../src/index.js';
import { describeEachBackend } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

describeEachBackend('API key repository', (db) => {
  it('GIVEN a new key THEN only its hash is stored and the token verifies', async () => {
    const createdBy = snowflake();
    const { key, token } = await db().apiKeys.create({
      name: 'ci',
      scopes: ['player:write', 'player:read'],
      createdBy,
    });
    expect(token).toMatch(new RegExp(`^dbk_${key.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(key).toMatchObject({ scopes: ['player:read', 'player:write'], guildId: null, lastUsedAt: null });
    expect(JSON.stringify(key)).not.toContain(token.slice(`dbk_${key.prefix}_`.length));
    const verified = await db().apiKeys.verify(token);
    expect(verified.ok && verified.value.id).toBe(key.id);
    expect(await db().apiKeys.list({ createdBy })).toEqual([expect.objectContaining({ id: key.id })]);
    expect(hashApiKeyToken(token)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GIVEN tokens that are malformed, unknown or tampered THEN each is refused with its reason', async () => {
    const { token } = await db().apiKeys.create({ name: 'x', scopes: [], createdBy: snowflake() });
    expect(await db().apiKeys.verify('hello')).toEqual({ ok: false, error: { code: 'API_KEY_MALFORMED' } });
    const tampered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect(await db().apiKeys.verify(tampered)).toEqual({ ok: false, error: { code: 'API_KEY_UNKNOWN' } });
    const unknownPrefix = token.replace(/^dbk_[0-9a-f]{12}/, 'dbk_000000000000');
    expect(await db().apiKeys.verify(unknownPrefix)).toEqual({
      ok: false,
      error: { code: 'API_KEY_UNKNOWN' },
    });
  });

  it('GIVEN a revoked or expired key THEN it no longer verifies', async () => {
    const guildId = snowflake();
    const now = new Date();
    const revoked = await db().apiKeys.create({ name: 'r', scopes: [], guildId, createdBy: snowflake() });
    expect(await db().apiKeys.revoke(revoked.key.id, now)).toBe(true);
    expect(await db().apiKeys.revoke(revoked.key.id, now)).toBe(false);
    expect(await db().apiKeys.verify(revoked.token, now)).toEqual({
      ok: false,
      error: { code: 'API_KEY_REVOKED' },
    });
    const expired = await db().apiKeys.create({
      name: 'e',
      scopes: [],
      guildId,
      createdBy: snowflake(),
      expiresAt: new Date(now.getTime() - 1_000),
    });
    expect(await db().apiKeys.verify(expired.token, now)).toEqual({
      ok: false,
      error: { code: 'API_KEY_EXPIRED' },
    });
    expect((await db().apiKeys.list({ guildId })).map((key) => key.name)).toEqual(['r', 'e']);
  });

  it('GIVEN repeated use THEN last-used is written at most once per resolution period', async () => {
    const { key, token } = await db().apiKeys.create({ name: 'busy', scopes: [], createdBy: snowflake() });
    const t0 = new Date(Date.UTC(2026, 0, 1, 12));
    await db().apiKeys.verify(token, t0);
    await db().apiKeys.verify(token, new Date(t0.getTime() + 1_000));
    const [afterTwo] = await db().apiKeys.list({ createdBy: key.createdBy });
    expect(afterTwo?.lastUsedAt).toEqual(t0);
    const later = new Date(t0.getTime() + API_KEY_LAST_USED_RESOLUTION_MS + 1);
    const verified = await db().apiKeys.verify(token, later);
    expect(verified.ok && verified.value.lastUsedAt).toEqual(later);
  });
});
