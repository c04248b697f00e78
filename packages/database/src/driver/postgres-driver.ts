import type { Logger } from '@discord-bot/logger';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import {
  CONNECT_TIMEOUT_MS,
  DEFAULT_POOL_SIZE,
  MIGRATION_ADVISORY_LOCK_KEY,
  MIGRATION_LOCK_POLL_MS,
  MIGRATION_LOCK_TIMEOUT_MS,
  POOL_IDLE_TIMEOUT_MS,
  STATEMENT_TIMEOUT_MS,
} from '../constants.js';
import { DatabaseError } from '../errors/database-error.js';
import type { Executor } from '../executor.js';
import type { Driver, MigrationReport } from './driver.js';
import { countAppliedMigrations } from './migration-count.js';

/** Options of {@link openPostgresDriver}. */
export interface PostgresDriverOptions {
  readonly url: string;
  readonly logger: Logger;
  readonly poolSize?: number;
  /** Shown in `pg_stat_activity`, to tell services apart. */
  readonly applicationName?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for the migration lock on `client`'s session, polling so the wait has a deadline. */
async function acquireMigrationLock(client: pg.PoolClient, logger: Logger): Promise<void> {
  const deadline = Date.now() + MIGRATION_LOCK_TIMEOUT_MS;
  let logged = false;
  for (;;) {
    const result = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock($1::bigint) as locked',
      [MIGRATION_ADVISORY_LOCK_KEY.toString()],
    );
    if (result.rows[0]?.locked === true) return;
    if (Date.now() > deadline) {
      throw new DatabaseError('DATABASE_MIGRATION_FAILED', 'timed out waiting for the migration lock', {
        details: { timeoutMs: MIGRATION_LOCK_TIMEOUT_MS },
      });
    }
    if (!logged) {
      logger.info('another service is migrating the database, waiting');
      logged = true;
    }
    await sleep(MIGRATION_LOCK_POLL_MS);
  }
}

/**
 * PostgreSQL over a node-postgres pool. Migrations run on one dedicated connection holding a session-level
 * advisory lock, so services starting together migrate one after the other: the first applies, the others
 * find nothing left to do.
 */
export function openPostgresDriver(options: PostgresDriverOptions): Driver {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? DEFAULT_POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: POOL_IDLE_TIMEOUT_MS,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    application_name: options.applicationName ?? 'discord-bot',
  });
  // An idle connection dropped by the server emits here; without a listener it would crash the process.
  pool.on('error', (error) => options.logger.warn({ err: error }, 'idle PostgreSQL connection failed'));
  const db: Executor = drizzle({ client: pool });

  return {
    backend: 'postgres',
    db,
    async migrate(folder: string): Promise<MigrationReport> {
      const client = await pool.connect();
      try {
        await acquireMigrationLock(client, options.logger);
        try {
          // A migration may rewrite a large table: no per-statement limit on this connection.
          await client.query('set statement_timeout = 0');
          const session: Executor = drizzle({ client });
          const before = await countAppliedMigrations(session);
          await migrate(session as Parameters<typeof migrate>[0], { migrationsFolder: folder });
          const total = await countAppliedMigrations(session);
          return { applied: total - before, total };
        } finally {
          await client.query('select pg_advisory_unlock($1::bigint)', [
            MIGRATION_ADVISORY_LOCK_KEY.toString(),
          ]);
        }
      } finally {
        // Used once per start and left with session settings changed: close it rather than pool it. Closing
        // also frees the advisory lock if the unlock above could not run.
        client.release(true);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
