import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Executor } from '../executor.js';
import type { Driver, MigrationReport } from './driver.js';
import { DATA_DIR_LOCK_FILE, lockDataDir } from './data-dir-lock.js';
import { countAppliedMigrations } from './migration-count.js';

/** Options of {@link openPgliteDriver}. */
export interface PgliteDriverOptions {
  /** A directory (created when missing), or `memory://` for a throw-away database. */
  readonly dataDir: string;
  /**
   * Start from a `dumpDataDir()` tarball instead of an empty cluster: skips initdb (seconds), which is what
   * tests use. Only applied when the data directory is new.
   */
  readonly loadDataDir?: Blob;
}

/**
 * Embedded PostgreSQL (PGlite, WebAssembly) in a data directory: the single-node default that needs no
 * server. One process only: PGlite has no locking between processes, so a lock file refuses a second
 * opener. Inside the process, PGlite runs one statement at a time and queues the rest.
 */
export async function openPgliteDriver(options: PgliteDriverOptions): Promise<Driver> {
  const onDisk = !options.dataDir.includes('://');
  let unlock = () => Promise.resolve();
  if (onDisk) {
    await mkdir(options.dataDir, { recursive: true });
    // The lock lives beside the cluster directory: PGlite owns everything inside it.
    unlock = await lockDataDir(`${options.dataDir}.${DATA_DIR_LOCK_FILE}`);
  }
  let client: PGlite;
  try {
    const initialised = onDisk && existsSync(join(options.dataDir, 'PG_VERSION'));
    client = await PGlite.create(options.dataDir, {
      ...(options.loadDataDir === undefined || initialised ? {} : { loadDataDir: options.loadDataDir }),
    });
  } catch (error) {
    await unlock();
    throw error;
  }
  const db: Executor = drizzle({ client });
  return {
    backend: 'pglite',
    db,
    async migrate(folder: string): Promise<MigrationReport> {
      const before = await countAppliedMigrations(db);
      await migrate(db as Parameters<typeof migrate>[0], { migrationsFolder: folder });
      const total = await countAppliedMigrations(db);
      return { applied: total - before, total };
    },
    async close() {
      try {
        await client.close();
      } finally {
        await unlock();
      }
    },
  };
}
