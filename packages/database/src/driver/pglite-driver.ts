import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { Executor } from '../executor.js';
import type { Driver, MigrationReport } from './driver.js';
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
 * server. One process only: PGlite has no locking between processes, so never point two services at the
 * same directory. Inside the process, PGlite runs one statement at a time and queues the rest.
 */
export async function openPgliteDriver(options: PgliteDriverOptions): Promise<Driver> {
  const onDisk = !options.dataDir.includes('://');
  if (onDisk) await mkdir(options.dataDir, { recursive: true });
  const initialised = onDisk && existsSync(join(options.dataDir, 'PG_VERSION'));
  const client = await PGlite.create(options.dataDir, {
    ...(options.loadDataDir === undefined || initialised ? {} : { loadDataDir: options.loadDataDir }),
  });
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
      await client.close();
    },
  };
}
