import type { SourceAccessError } from '../security/source-access-error.js';
import type { LavalinkTrack } from '../tracks/track-types.js';

/** Lavalink v4 `Exception` object. */
export interface LavalinkException {
  readonly message: string | null;
  readonly severity: 'common' | 'suspicious' | 'fault';
  readonly cause: string;
  readonly causeStackTrace: string;
}

export interface PlaylistData {
  readonly info: { readonly name: string; readonly selectedTrack: number };
  readonly pluginInfo: Record<string, unknown>;
  readonly tracks: readonly LavalinkTrack[];
}

/** `GET /v4/loadtracks` result. */
export type LoadResult =
  | { readonly loadType: 'track'; readonly data: LavalinkTrack }
  | { readonly loadType: 'playlist'; readonly data: PlaylistData }
  | { readonly loadType: 'search'; readonly data: readonly LavalinkTrack[] }
  | { readonly loadType: 'empty'; readonly data: null }
  | { readonly loadType: 'error'; readonly data: LavalinkException };

export const EMPTY_RESULT: LoadResult = { loadType: 'empty', data: null };

/** An `error` load result with a message meant for the person who asked. */
export function loadError(
  message: string,
  cause = 'LoadError',
  severity: LavalinkException['severity'] = 'common',
): LoadResult {
  return { loadType: 'error', data: { message, severity, cause, causeStackTrace: '' } };
}

/** Refusals are `suspicious` (someone may be probing), other failures `common`. */
function severityOf(code: string): LavalinkException['severity'] {
  return code === 'SOURCE_BLOCKED_ADDRESS' || code === 'SOURCE_PATH_REFUSED' ? 'suspicious' : 'common';
}

/** An `error` load result from a refused or failed source access. */
export function loadErrorFrom(error: SourceAccessError): LoadResult {
  return loadError(error.message, error.code, severityOf(error.code));
}

/** Why one playlist entry was left out. */
export interface SkippedEntry {
  readonly code: string;
  readonly message: string;
}

/**
 * A playlist of the entries that can be played. When there were entries but none survived, an `error`
 * naming why (the first entry's reason) rather than `empty`, which would read as "nothing found".
 */
export function playlistResult(
  name: string,
  tracks: readonly LavalinkTrack[],
  skipped: readonly SkippedEntry[] = [],
): LoadResult {
  const first = skipped[0];
  if (tracks.length === 0 && first !== undefined) {
    const why =
      skipped.length === 1
        ? `its only entry was left out: ${first.message}`
        : `all ${skipped.length} entries were left out, the first: ${first.message}`;
    return loadError(`Playlist ${name} has nothing to play: ${why}`, first.code, severityOf(first.code));
  }
  if (tracks.length === 0) return EMPTY_RESULT;
  return { loadType: 'playlist', data: { info: { name, selectedTrack: -1 }, pluginInfo: {}, tracks } };
}
