import { randomBytes } from 'node:crypto';
import { createSilentLogger, type Logger } from '@discord-bot/logger';
import pg from 'pg';
import type { Registry } from 'prom-client';
import { createDatabase } from '../create-database.js';
import type { Database } from '../database.js';
import { loadPgliteSnapshots } from './pglite-snapshots.js';

/** A database for one test file, and how to throw it away. */
export interface TestDatabase {
  readonly db: Database;
  /** PostgreSQL URL of the throw-away database (undefined on PGlite). */
  readonly url: string | undefined;
  /** Closes the database and, on PostgreSQL, drops it. */
  dispose(): Promise<void>;
}

/** Options of {@link createTestDatabase}. */
export interface CreateTestDatabaseOptions {
  /**
   * A PostgreSQL URL whose user may create databases (`TEST_DATABASE_URL`): a fresh database is created
   * next to it and dropped by `dispose()`. Absent: in-memory PGlite.
   */
  readonly adminUrl?: string;
  /** Start with no schema at all (to test migrations themselves). Default false. */
  readonly empty?: boolean;
  readonly logger?: Logger;
  readonly registry?: Registry;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** Creates an empty PostgreSQL database named `t_<random>` next to `adminUrl`; returns its URL and a dropper. */
export async function createScratchPostgresDatabase(
  adminUrl: string,
): Promise<{ readonly url: string; drop(): Promise<void> }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`),
  };
}

/**
 * A migrated database that no other test file shares: a fresh PostgreSQL database when `adminUrl` is given
 * (PostgreSQL migrations qualify objects with `public`, so schemas cannot isolate), else in-memory PGlite
 * restored from the cached snapshot.
 *
 * @example
 * const handle = await createTestDatabase({ adminUrl: process.env.TEST_DATABASE_URL });
 * afterAll(() => handle.dispose());
 */
export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const logger = options.logger ?? createSilentLogger();
  const registry = options.registry === undefined ? {} : { registry: options.registry };
  if (options.adminUrl === undefined) {
    const snapshots = await loadPgliteSnapshots();
    const db = await createDatabase({
      dataDir: 'memory://',
      logger,
      ...registry,
      pgliteSnapshot: options.empty === true ? snapshots.empty : snapshots.migrated,
      migrate: false,
    });
    return { db, url: undefined, dispose: () => db.close() };
  }
  const scratch = await createScratchPostgresDatabase(options.adminUrl);
  try {
    const db = await createDatabase({
      url: scratch.url,
      dataDir: 'unused',
      logger,
      ...registry,
      poolSize: 4,
      migrate: options.empty !== true,
    });
    return {
      db,
      url: scratch.url,
      async dispose() {
        await db.close();
        await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
