import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { MIGRATIONS_FOLDER } from '../migrations-folder.js';

/** A build lock older than this belongs to a process that died mid-build. */
const STALE_LOCK_MS = 120_000;
const LOCK_POLL_MS = 100;

/** Two PGlite data directories as tarballs: right after initdb, and with every migration applied. */
export interface PgliteSnapshots {
  readonly empty: Blob;
  readonly migrated: Blob;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** PGlite's package.json (its `exports` hide it from `require.resolve`). */
function pglitePackageJson(): string {
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'package.json');
}

/** Changes when the migrations or the PGlite version change, so a stale cache is never used. */
function cacheKey(migrationsFolder: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(pglitePackageJson()));
  for (const file of listFiles(migrationsFolder)) {
    hash.update(file.slice(migrationsFolder.length));
    hash.update(readFileSync(file));
  }
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A cross-process lock made of `mkdir`, which is atomic: parallel test files build the cache once. */
async function withBuildLock<T>(lockDir: string, fn: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lockDir).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > STALE_LOCK_MS) await rm(lockDir, { recursive: true, force: true });
      else await sleep(LOCK_POLL_MS);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

async function build(emptyPath: string, migratedPath: string, migrationsFolder: string): Promise<void> {
  const pglite = await PGlite.create();
  try {
    const empty = await pglite.dumpDataDir('gzip');
    await migrate(drizzle({ client: pglite }), { migrationsFolder });
    const migrated = await pglite.dumpDataDir('gzip');
    for (const [path, blob] of [
      [emptyPath, empty],
      [migratedPath, migrated],
    ] as const) {
      const partial = `${path}.${process.pid}.partial`;
      await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
      await rename(partial, path);
    }
  } finally {
    await pglite.close();
  }
}

/**
 * PGlite snapshots for tests, cached in the OS temp directory under a hash of the migrations and the PGlite
 * version. The first call on a machine pays initdb and the migrations (~5 s); later calls, in any process,
 * read two files. Restoring a snapshot (`createDatabase({ pgliteSnapshot })`) takes about half a second.
 */
export async function loadPgliteSnapshots(
  migrationsFolder: string = MIGRATIONS_FOLDER,
): Promise<PgliteSnapshots> {
  const base = join(tmpdir(), `discord-bot-pglite-${cacheKey(migrationsFolder)}`);
  const emptyPath = `${base}.empty.tar.gz`;
  const migratedPath = `${base}.migrated.tar.gz`;
  const cached = () => existsSync(emptyPath) && existsSync(migratedPath) && statSync(migratedPath).size > 0;
  if (!cached()) {
    await withBuildLock(`${base}.lock`, async () => {
      if (!cached()) await build(emptyPath, migratedPath, migrationsFolder);
    });
  }
  const [empty, migrated] = await Promise.all([readFile(emptyPath), readFile(migratedPath)]);
  return { empty: new Blob([empty]), migrated: new Blob([migrated]) };
}
