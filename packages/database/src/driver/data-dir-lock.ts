import { readFile, rm, writeFile } from 'node:fs/promises';
import { DatabaseError } from '../errors/database-error.js';

/** Name of the lock file next to PGlite's files. */
export const DATA_DIR_LOCK_FILE = 'discord-bot.lock';

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims a PGlite data directory for this process. PGlite has no locking between processes and two of them
 * writing one directory corrupt it (a `db:seed` while the bot runs, two services on one DATA_DIR); this
 * refuses the second opener instead. A lock left by a process that died is taken over.
 *
 * @returns a function that releases the lock.
 */
export async function lockDataDir(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DatabaseError(
          'DATABASE_UNAVAILABLE',
          `the embedded database is in use by process ${holder}; stop it first or set DATABASE_URL`,
          { details: { lockPath, pid: holder } },
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new DatabaseError('DATABASE_UNAVAILABLE', 'could not lock the embedded database directory', {
    details: { lockPath },
  });
}
