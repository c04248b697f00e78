import { Writable } from 'node:stream';
import { createLogger } from '@discord-bot/logger';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.js';
import { BACKENDS } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

const postgres = BACKENDS[1];

describe.skipIf(!postgres.available)('PostgreSQL connection pool', () => {
  const lines: string[] = [];
  let handle: TestDatabase;
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    handle = await createTestDatabase({
      adminUrl: postgres.adminUrl!,
      logger: createLogger({ service: 'test', level: 'warn', destination }),
    });
  });
  afterAll(() => handle.dispose());

  it('GIVEN the server drops every connection THEN the process survives, logs it, and the next calls reconnect', async () => {
    const db = handle.db;
    // Open a few pooled connections, then leave them idle.
    await Promise.all(Array.from({ length: 3 }, () => db.guildSettings.get(snowflake())));
    const databaseName = new URL(handle.url!).pathname.slice(1);
    const admin = new pg.Client({ connectionString: postgres.adminUrl! });
    await admin.connect();
    try {
      const killed = await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [databaseName],
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Each killed connection reports its error on its own schedule (later on a busy machine): wait for the
    // first to be logged, then for the pool to hand out a live connection again.
    await expect
      .poll(() => lines.some((line) => line.includes('idle PostgreSQL connection failed')), {
        timeout: 10_000,
      })
      .toBe(true);
    await expect.poll(async () => (await db.ping()).ok, { timeout: 10_000 }).toBe(true);
    const guildId = snowflake();
    expect((await db.guildSettings.update(guildId, { defaultVolume: 33 })).ok).toBe(true);
    expect((await db.guildSettings.get(guildId)).defaultVolume).toBe(33);
  });
});
