import { join } from 'node:path';
import type { Logger } from '@discord-bot/logger';
import type { Registry } from 'prom-client';
import { PGLITE_SUBDIRECTORY } from './constants.js';
import { openDatabase, type Database } from './database.js';
import type { Driver } from './driver/driver.js';
import { openPgliteDriver } from './driver/pglite-driver.js';
import { openPostgresDriver } from './driver/postgres-driver.js';
import { DatabaseError } from './errors/database-error.js';
import { createDatabaseMetrics } from './metrics.js';
import { MIGRATIONS_FOLDER } from './migrations-folder.js';

/** Where PGlite keeps its files inside the data directory. */
export function pgliteDirectory(dataDir: string): string {
  return dataDir.includes('://') ? dataDir : join(dataDir, PGLITE_SUBDIRECTORY);
}

/** How to open the database. Comes from validated config; this package never reads the environment. */
export interface CreateDatabaseOptions {
  /** PostgreSQL connection URL. When absent, embedded PGlite stores data under `dataDir`. */
  readonly url?: string | undefined;
  /**
   * The service's data directory (DATA_DIR): PGlite keeps its files in its `pglite/` subdirectory. `memory://`
   * for a throw-away in-memory database. Unused with `url`.
   */
  readonly dataDir: string;
  readonly logger: Logger;
  /** Where query metrics are registered; a private registry when absent. */
  readonly registry?: Registry;
  /** Apply pending migrations before returning (default true). */
  readonly migrate?: boolean;
  /** PostgreSQL pool size (default {@link DEFAULT_POOL_SIZE}). */
  readonly poolSize?: number;
  /** Name shown in `pg_stat_activity` (the service name). */
  readonly applicationName?: string;
  /** PGlite only: start a new data directory from a `dumpDataDir()` tarball (tests). */
  readonly pgliteSnapshot?: Blob;
}

/**
 * Opens the database: PostgreSQL when `url` is given, else PGlite in `dataDir`; then applies migrations.
 *
 * @example
 * const db = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir, logger, registry });
 * const settings = await db.guildSettings.get(guildId);
 */
export async function createDatabase(options: CreateDatabaseOptions): Promise<Database> {
  const logger = options.logger.child({ component: 'database' });
  let driver: Driver;
  try {
    driver =
      options.url === undefined
        ? await openPgliteDriver({
            dataDir: pgliteDirectory(options.dataDir),
            ...(options.pgliteSnapshot === undefined ? {} : { loadDataDir: options.pgliteSnapshot }),
          })
        : openPostgresDriver({
            url: options.url,
            logger,
            ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
            ...(options.applicationName === undefined ? {} : { applicationName: options.applicationName }),
          });
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError('DATABASE_UNAVAILABLE', 'could not open the database', { cause: error });
  }
  const database = openDatabase({
    driver,
    metrics: createDatabaseMetrics(options.registry),
    logger,
    migrationsFolder: MIGRATIONS_FOLDER,
  });
  if (options.migrate !== false) {
    try {
      await database.migrate();
    } catch (error) {
      await database.close().catch(() => undefined);
      throw error;
    }
  }
  logger.info({ backend: driver.backend }, 'database ready');
  return database;
}
