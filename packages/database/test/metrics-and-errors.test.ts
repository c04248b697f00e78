import { createSilentLogger } from '@discord-bot/logger';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, createDatabaseMetrics, DatabaseError, type Database } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { snowflake } from './support/fixtures.js';

describe('repository metrics', () => {
  const registry = new Registry();
  let handle: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    handle = await createTestDatabase({ registry });
    db = handle.db;
  });
  afterAll(() => handle.dispose());

  /** The value of one sample (`series` names a histogram's `_count` series, for example). */
  async function sample(
    name: string,
    labels: Record<string, string>,
    series = name,
  ): Promise<number | undefined> {
    const metric = (await registry.getMetricsAsJSON()).find((m) => m.name === name);
    const values = metric?.values as {
      value: number;
      labels: Record<string, unknown>;
      metricName?: string;
    }[];
    return values.find(
      (v) => (v.metricName ?? name) === series && Object.entries(labels).every(([k, l]) => v.labels[k] === l),
    )?.value;
  }
  const getCount = (labels: Record<string, string>) =>
    sample('db_query_duration_seconds', labels, 'db_query_duration_seconds_count');

  it('GIVEN repository calls THEN their durations are observed per repository and method', async () => {
    await db.guildSettings.get(snowflake());
    await db.guildSettings.get(snowflake());
    expect(await getCount({ repository: 'guild_settings', method: 'get' })).toBe(2);
    expect(await getCount({ repository: 'guild_settings', method: 'update' })).toBeUndefined();
  });

  it('GIVEN a failing call THEN the error counter goes up and the error carries a code but no parameters', async () => {
    const secretish = 'x'.repeat(20) + snowflake();
    // A volume outside the CHECK constraint, slipped past validation, must fail in the database.
    const failing = db.playerStates.save({
      guildId: secretish,
      voiceChannelId: null,
      textChannelId: null,
      currentTrack: null,
      positionMs: 0,
      queue: [],
      previousTracks: [],
      loopMode: 'off',
      volume: 5_000,
      filters: {},
      autoplay: false,
      paused: false,
      savedAt: new Date(),
    });
    const error = await failing.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({
      code: 'DATABASE_CONSTRAINT_VIOLATION',
      repository: 'player_state',
      method: 'save',
      sqlState: '23514',
    });
    expect((error as Error).message).not.toContain(secretish);
    expect(JSON.stringify((error as DatabaseError).toJSON())).not.toContain(secretish);
    expect(
      await sample('db_query_errors_total', {
        repository: 'player_state',
        method: 'save',
        code: 'DATABASE_CONSTRAINT_VIOLATION',
      }),
    ).toBe(1);
  });

  it('GIVEN a second database on the same registry THEN metrics are shared, not registered twice', async () => {
    const second = createDatabaseMetrics(registry);
    await second.observe('guild_settings', 'get', () => Promise.resolve(undefined));
    expect(await getCount({ repository: 'guild_settings', method: 'get' })).toBe(3);
  });
});

describe('an unreachable PostgreSQL', () => {
  it('GIVEN a URL nobody listens on THEN ping reports unavailable as a value and queries throw DATABASE_UNAVAILABLE', async () => {
    const db = await createDatabase({
      // Port 9 (discard) on loopback: connection refused at once.
      url: 'postgres://nobody@127.0.0.1:9/none',
      dataDir: 'unused',
      logger: createSilentLogger(),
      migrate: false,
    });
    try {
      const ping = await db.ping();
      expect(ping.ok).toBe(false);
      if (!ping.ok) expect(ping.error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true });
      await expect(db.guildSettings.get(snowflake())).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE' });
    } finally {
      await db.close();
    }
  });

  it('GIVEN migrate at start against an unreachable server THEN creation fails with DATABASE_MIGRATION_FAILED', async () => {
    await expect(
      createDatabase({
        url: 'postgres://nobody@127.0.0.1:9/none',
        dataDir: 'unused',
        logger: createSilentLogger(),
      }),
    ).rejects.toMatchObject({ code: 'DATABASE_MIGRATION_FAILED', cause: { code: 'DATABASE_UNAVAILABLE' } });
  });
});
