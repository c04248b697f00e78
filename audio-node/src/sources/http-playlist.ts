/** M3U/PLS playlists fetched over HTTP: their http(s) entries become tracks (not fetched until played). */
import { STREAM_LENGTH_MS, type LavalinkTrack } from '../tracks/track-types.js';
import { loadError, playlistResult, type LoadResult } from './load-result.js';
import {
  isHlsPlaylist,
  looksLikePlaylist,
  parseM3u,
  parsePls,
  type PlaylistEntry,
} from './playlist-parsers.js';
import { makeTrack, titleFromLocation } from './track-factory.js';

export function playlistFromText(text: string, baseUrl: string): LoadResult {
  if (isHlsPlaylist(text)) return loadError('HLS playlists are not supported', 'UNSUPPORTED_PLAYLIST');
  const kind = looksLikePlaylist(text) ?? (/\[playlist\]/i.test(text) ? 'pls' : 'm3u');
  const entries = kind === 'pls' ? parsePls(text) : parseM3u(text);
  const tracks = entries.flatMap((entry) => {
    const track = playlistEntryTrack(entry, baseUrl);
    return track === null ? [] : [track];
  });
  if (entries.length > 0 && tracks.length === 0) {
    return loadError('The playlist has no http(s) entries', 'EMPTY_PLAYLIST');
  }
  return playlistResult(titleFromLocation(baseUrl), tracks);
}

function playlistEntryTrack(entry: PlaylistEntry, baseUrl: string): LavalinkTrack | null {
  let url: URL;
  try {
    url = new URL(entry.location, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Entries are not fetched while loading (a 1,000-track list would be 1,000 requests); the format is sniffed
  // and the SSRF checks run when the entry is opened for playback.
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
