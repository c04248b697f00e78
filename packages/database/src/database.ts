import { err, ok, type Result } from '@discord-bot/errors';
import type { Logger } from '@discord-bot/logger';
import { sql } from 'drizzle-orm';
import type { DatabaseBackend, Driver, MigrationReport } from './driver/driver.js';
import { DatabaseError } from './errors/database-error.js';
import { toDatabaseError } from './errors/to-database-error.js';
import type { DatabaseMetrics } from './metrics.js';
import { createRepositories, type Repositories } from './repositories/repositories.js';
import { runResultTransaction, runTransaction } from './transaction.js';

/** The package's handle: typed repositories plus transactions, readiness and shutdown. */
export interface Database extends Repositories {
  readonly backend: DatabaseBackend;
  /**
   * Runs `fn` in one transaction with repositories bound to it. Commits when `fn` resolves; rolls back and
   * rethrows when it throws. Nested calls of repositories that need their own atomic step use savepoints.
   *
   * Use only the repositories passed to `fn` inside it: on PGlite, a call on the outer database waits for
   * the transaction to end, and the transaction waits for that call.
   *
   * @example
   * await db.transaction(async (tx) => {
   *   await tx.playerStates.save(state);
   *   await tx.listeningHistory.record(play);
   * });
   */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  /**
   * Like {@link Database.transaction} for callbacks that report expected failures as values: an `err`
   * result rolls the transaction back and is returned as is; an `ok` result commits.
   *
   * @example
   * const saved = await db.transactionResult(async (tx) => {
   *   const playlist = await tx.playlists.create({ owner, name, createdBy });
   *   if (!playlist.ok) return playlist;
   *   return tx.playlists.addTracks(playlist.value.id, tracks, createdBy); // PLAYLIST_FULL undoes the create
   * });
   */
  transactionResult<T, E>(fn: (tx: Repositories) => Promise<Result<T, E>>): Promise<Result<T, E>>;
  /** Applies pending migrations (done at start unless `migrate: false`). */
  migrate(): Promise<MigrationReport>;
  /** Readiness: a round trip to the database, or why it failed. */
  ping(): Promise<Result<{ readonly latencyMs: number }, DatabaseError>>;
  /** Closes connections. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link openDatabase}. */
export interface OpenDatabaseOptions {
  readonly driver: Driver;
  readonly metrics: DatabaseMetrics;
  readonly logger: Logger;
  readonly migrationsFolder: string;
}

/** Wraps an open driver into a {@link Database}. */
export function openDatabase(options: OpenDatabaseOptions): Database {
  const { driver, metrics, logger } = options;
  let closing: Promise<void> | undefined;

  return {
    ...createRepositories(driver.db, metrics),
    backend: driver.backend,

    transaction: (fn) => runTransaction(driver.db, metrics, fn),
    transactionResult: (fn) => runResultTransaction(driver.db, metrics, fn),

    async migrate() {
      const started = performance.now();
      try {
        const report = await driver.migrate(options.migrationsFolder);
        logger.info(
          {
            applied: report.applied,
            total: report.total,
            durationMs: Math.round(performance.now() - started),
          },
          report.applied === 0 ? 'database schema is current' : 'database migrations applied',
        );
        return report;
      } catch (error) {
        if (error instanceof DatabaseError) throw error;
        const cause = toDatabaseError(error, 'database', 'migrate');
        throw new DatabaseError('DATABASE_MIGRATION_FAILED', 'applying database migrations failed', {
          cause,
        });
      }
    },

    async ping() {
      const started = performance.now();
      try {
        await driver.db.execute(sql`select 1`);
        return ok({ latencyMs: performance.now() - started });
      } catch (error) {
        const wrapped = toDatabaseError(error, 'database', 'ping');
        return err(
          wrapped instanceof DatabaseError
            ? wrapped
            : new DatabaseError('DATABASE_UNAVAILABLE', 'database ping failed', { cause: wrapped }),
        );
      }
    },

    close() {
      closing ??= driver.close();
      return closing;
    },
  };
}
