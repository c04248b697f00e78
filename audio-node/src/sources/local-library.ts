/**
 * An in-memory index of the music directories for `local:` searches (title, artist, album, file name).
 * Built in the background at start; a search waits for the first build. Bounded in files and depth.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parseFile } from 'music-metadata';
import { isInside } from '../security/safe-path.js';
import type { LavalinkTrack } from '../tracks/track-types.js';
import { AUDIO_EXTENSIONS, localTrack } from './local-source.js';
import type { SourceContext } from './source-context.js';

export const MAX_INDEXED_FILES = 20_000;
export const MAX_INDEX_DEPTH = 16;
export const MAX_SEARCH_RESULTS = 25;
/** A search older than this after the last build re-indexes in the background (new files appear). */
export const INDEX_MAX_AGE_MS = 10 * 60_000;

interface IndexEntry {
  readonly path: string;
  /** Lower-cased title, artist, album and file name joined, for matching. */
  readonly haystack: string;
  readonly title: string;
}

export class LocalLibrary {
  private entries: readonly IndexEntry[] = [];
  private building: Promise<void> | null = null;
  private builtAt = 0;

  public constructor(private readonly ctx: SourceContext) {}

  private inFlight: Promise<void> | null = null;

  /** Starts indexing unless a build is running; resolves when the (running or new) build is done. */
  public rebuild(): Promise<void> {
    this.inFlight ??= this.build()
      .catch((error: unknown) => {
        this.ctx.logger.error({ err: error }, 'music library indexing failed');
      })
      .finally(() => {
        this.builtAt = Date.now();
        this.inFlight = null;
      });
    this.building ??= this.inFlight;
    return this.inFlight;
  }

  public get size(): number {
    return this.entries.length;
  }

  /** Tracks whose title, artist, album or file name contain every word of `query`, best first. */
  public async search(query: string): Promise<LavalinkTrack[]> {
    await (this.building ?? this.rebuild());
    if (Date.now() - this.builtAt > INDEX_MAX_AGE_MS) void this.rebuild();
    const words = query
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '');
    if (words.length === 0) return [];
    const phrase = query.trim().toLowerCase();
    const matches = this.entries
      .filter((entry) => words.every((word) => entry.haystack.includes(word)))
      .map((entry) => ({
        entry,
        score: (entry.title.includes(phrase) ? 2 : 0) + (entry.haystack.startsWith(phrase) ? 1 : 0),
      }))
      .sort((a, b) => b.score - a.score || a.entry.path.localeCompare(b.entry.path))
      .slice(0, MAX_SEARCH_RESULTS);
    const tracks: LavalinkTrack[] = [];
    for (const { entry } of matches) {
      const track = await localTrack(entry.path, this.ctx, false);
      if (!('loadType' in track)) tracks.push(track);
    }
    return tracks;
  }

  private async build(): Promise<void> {
    const files: string[] = [];
    for (const dir of this.ctx.musicDirs) await this.walk(dir, dir, 0, files);
    const entries: IndexEntry[] = [];
    for (const path of files) {
      let title = '';
      let parts: string[] = [];
      try {
        const { common } = await parseFile(path, { duration: false, skipCovers: true });
        title = (common.title ?? '').toLowerCase();
        parts = [common.title, common.artist, common.album].filter((p): p is string => p !== undefined);
      } catch {
        // untagged or unreadable: the file name still matches
      }
      const name = path.slice(path.lastIndexOf('/') + 1);
      entries.push({ path, title, haystack: [...parts, name].join(' ').toLowerCase() });
    }
    this.entries = entries;
    this.ctx.logger.info({ files: entries.length }, 'music library indexed');
  }

  private async walk(root: string, dir: string, depth: number, out: string[]): Promise<void> {
    if (depth > MAX_INDEX_DEPTH || out.length >= MAX_INDEXED_FILES) return;
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= MAX_INDEXED_FILES) return;
      let path = join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        const real = await realpath(path).catch(() => null);
        if (real === null || !isInside(root, real)) continue;
        path = real;
        isDirectory = (await stat(real)).isDirectory();
      }
      if (isDirectory) await this.walk(root, path, depth + 1, out);
      else if (AUDIO_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(path);
    }
  }
}
