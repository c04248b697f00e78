/**
 * Resolves a local identifier to a real path inside the configured music directories. Refuses `..`
 * segments (also percent-encoded), NUL bytes, and anything whose real path (symlinks followed) lies outside.
 */
import { realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceAccessError } from './source-access-error.js';

function hasTraversal(text: string): boolean {
  let decoded = text;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    // A malformed escape is not traversal by itself; the raw text is still checked.
  }
  return [text, decoded].some((candidate) => candidate.split(/[/\\]/).some((segment) => segment === '..'));
}

/** True when `child` is `root` or inside it (both real paths). */
export function isInside(root: string, child: string): boolean {
  const rel = relative(root, child);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * Returns the real path of `identifier` (absolute, `file://`, or relative to a music directory) if it exists
 * inside one of `realMusicDirs` (already real paths). Throws {@link SourceAccessError} otherwise.
 */
export async function resolveMusicPath(
  identifier: string,
  realMusicDirs: readonly string[],
): Promise<string> {
  if (identifier.includes('\0') || hasTraversal(identifier)) {
    throw new SourceAccessError(
      'SOURCE_PATH_REFUSED',
      `Refused path ${JSON.stringify(identifier)}: ".." is not allowed`,
    );
  }
  let path = identifier;
  if (identifier.startsWith('file:')) {
    try {
      path = fileURLToPath(identifier);
    } catch (cause) {
      throw new SourceAccessError('SOURCE_PATH_REFUSED', `Invalid file URL ${identifier}`, { cause });
    }
  }
  const outside = new SourceAccessError(
    'SOURCE_PATH_REFUSED',
    `Refused path ${JSON.stringify(identifier)}: it resolves outside the music directories`,
  );
  // Outside the music directories, a missing file and an existing one get the same answer: no probing.
  if (isAbsolute(path) && !realMusicDirs.some((dir) => isInside(dir, path))) {
    const real = await realpath(path).catch(() => null);
    if (real === null || !realMusicDirs.some((dir) => isInside(dir, real))) throw outside;
    return real;
  }
  const candidates = isAbsolute(path) ? [path] : realMusicDirs.map((dir) => join(dir, path));
  for (const candidate of candidates) {
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      continue;
    }
    if (realMusicDirs.some((dir) => isInside(dir, real))) return real;
    throw outside;
  }
  throw new SourceAccessError('SOURCE_NOT_FOUND', `No such file in the music directories: ${identifier}`);
}
