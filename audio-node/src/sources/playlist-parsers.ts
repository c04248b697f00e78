/** M3U / extended M3U and PLS playlist parsing (entries are returned raw; callers resolve and check them). */

export interface PlaylistEntry {
  readonly location: string;
  readonly title: string | null;
  /** Milliseconds, `null` when unknown; a negative duration in the file means a live stream. */
  readonly durationMs: number | null;
}

/** Most entries a playlist may contribute. */
export const MAX_PLAYLIST_ENTRIES = 1_000;

/** True for an HLS media playlist (`#EXT-X-...` tags), which is not a list of tracks. */
export function isHlsPlaylist(text: string): boolean {
  return /^#EXT-X-/m.test(text);
}

export function looksLikePlaylist(text: string): 'm3u' | 'pls' | null {
  const start = text.trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('#extm3u')) return 'm3u';
  if (start.startsWith('[playlist]')) return 'pls';
  return null;
}

export function parseM3u(text: string): PlaylistEntry[] {
  const entries: PlaylistEntry[] = [];
  let pending: { title: string | null; durationMs: number | null } | null = null;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const info = /^#EXTINF:\s*(-?\d+(?:\.\d+)?)[^,]*,(.*)$/i.exec(line);
      if (info !== null) {
        const seconds = Number(info[1]);
        pending = {
          title: info[2]?.trim() || null,
          durationMs: seconds < 0 ? -1 : Math.round(seconds * 1000),
        };
      }
      continue;
    }
    entries.push({ location: line, title: pending?.title ?? null, durationMs: pending?.durationMs ?? null });
    pending = null;
    if (entries.length >= MAX_PLAYLIST_ENTRIES) break;
  }
  return entries;
}

export function parsePls(text: string): PlaylistEntry[] {
  const files = new Map<number, string>();
  const titles = new Map<number, string>();
  const lengths = new Map<number, number>();
  for (const rawLine of text.split(/\r?\n/)) {
    const match = /^\s*(file|title|length)(\d+)\s*=\s*(.*?)\s*$/i.exec(rawLine);
    if (match === null) continue;
    const index = Number(match[2]);
    const value = match[3] ?? '';
    const key = match[1]?.toLowerCase();
    if (key === 'file') files.set(index, value);
    else if (key === 'title') titles.set(index, value);
    else lengths.set(index, Number(value));
  }
  return [...files.entries()]
    .sort(([a], [b]) => a - b)
    .slice(0, MAX_PLAYLIST_ENTRIES)
    .map(([index, location]) => {
      const seconds = lengths.get(index);
      return {
        location,
        title: titles.get(index) ?? null,
        durationMs: seconds === undefined || Number.isNaN(seconds) ? null : seconds < 0 ? -1 : seconds * 1000,
      };
    });
}
