import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';

/** Finds an executable on `PATH` (`ffmpeg`), or `null`. The path string comes from config, not `process.env`. */
export async function findExecutable(name: string, pathList: string): Promise<string | null> {
  for (const dir of pathList.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return null;
}
