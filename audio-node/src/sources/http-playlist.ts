/** M3U/PLS playlists fetched over HTTP: their http(s) entries become tracks (not fetched until played). */
import { checkUrlTarget } from '../security/safe-fetch.js';
import { SourceAccessError } from '../security/source-access-error.js';
import { STREAM_LENGTH_MS, type LavalinkTrack } from '../tracks/track-types.js';
import { loadError, playlistResult, type LoadResult, type SkippedEntry } from './load-result.js';
import {
  isHlsPlaylist,
  looksLikePlaylist,
  parseM3u,
  parsePls,
  type PlaylistEntry,
} from './playlist-parsers.js';
import type { SourceContext } from './source-context.js';
import { makeTrack, titleFromLocation } from './track-factory.js';

/**
 * Most distinct hosts of one playlist whose addresses are checked while loading (in parallel, one DNS
 * answer each). Entries on further hosts are kept; every entry is checked again when it is played.
 */
export const MAX_PLAYLIST_HOSTS_CHECKED = 16;

export async function playlistFromText(
  text: string,
  baseUrl: string,
  ctx: SourceContext,
): Promise<LoadResult> {
  if (isHlsPlaylist(text)) return loadError('HLS playlists are not supported', 'UNSUPPORTED_PLAYLIST');
  const kind = looksLikePlaylist(text) ?? (/\[playlist\]/i.test(text) ? 'pls' : 'm3u');
  const entries = kind === 'pls' ? parsePls(text) : parseM3u(text);
  const located = entries.flatMap((entry) => {
    const url = entryUrl(entry, baseUrl);
    return url === null ? [] : [{ entry, url }];
  });
  if (entries.length > 0 && located.length === 0) {
    return loadError('The playlist has no http(s) entries', 'EMPTY_PLAYLIST');
  }
  const refused = await refusedHosts(
    located.map(({ url }) => url),
    ctx,
  );
  const tracks: LavalinkTrack[] = [];
  const skipped: SkippedEntry[] = [];
  for (const { entry, url } of located) {
    const refusal = refused.get(url.hostname);
    if (refusal === undefined) tracks.push(entryTrack(entry, url));
    else skipped.push({ code: refusal.code, message: refusal.message });
  }
  if (skipped.length > 0)
    ctx.logger.warn({ playlist: baseUrl, skipped: skipped.length }, 'playlist entries refused');
  return playlistResult(titleFromLocation(baseUrl), tracks, skipped);
}

function entryUrl(entry: PlaylistEntry, baseUrl: string): URL | null {
  let url: URL;
  try {
    url = new URL(entry.location, baseUrl);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * The hosts (of the first {@link MAX_PLAYLIST_HOSTS_CHECKED}) that resolve to addresses sources may not
 * reach, with the refusal. A host that does not resolve now is not refused here: playing it will say so.
 */
async function refusedHosts(
  urls: readonly URL[],
  ctx: SourceContext,
): Promise<Map<string, SourceAccessError>> {
  const byHost = new Map<string, URL>();
  for (const url of urls) if (!byHost.has(url.hostname)) byHost.set(url.hostname, url);
  const refused = new Map<string, SourceAccessError>();
  const checked = [...byHost].slice(0, MAX_PLAYLIST_HOSTS_CHECKED);
  await Promise.all(
    checked.map(async ([host, url]) => {
      try {
        await checkUrlTarget(url, ctx.allowlist, ctx.resolver);
      } catch (error) {
        if (error instanceof SourceAccessError && error.code === 'SOURCE_BLOCKED_ADDRESS')
          refused.set(host, error);
      }
    }),
  );
  return refused;
}

function entryTrack(entry: PlaylistEntry, url: URL): LavalinkTrack {
  // Entries are not fetched while loading (a 1,000-track list would be 1,000 requests); the format is sniffed
  // when the entry is opened for playback, where every address check runs again.
  const isStream = entry.durationMs === -1;
  return makeTrack(
    {
      identifier: url.href,
      title: entry.title ?? titleFromLocation(url.href),
      author: 'Unknown artist',
      length: isStream ? STREAM_LENGTH_MS : (entry.durationMs ?? 0),
      isStream,
      uri: url.href,
      artworkUrl: null,
      isrc: null,
      sourceName: 'http',
    },
    '',
  );
}
