import { toBackendTrack, type BackendTrack } from './backend-track.js';
import { nodeErrorOf } from './node-error-body.js';

/** What `loadtracks` answered, as a value the caller must handle. */
export type LoadOutcome =
  | { readonly kind: 'track'; readonly tracks: readonly BackendTrack[] }
  | { readonly kind: 'search'; readonly tracks: readonly BackendTrack[] }
  | { readonly kind: 'playlist'; readonly name: string; readonly tracks: readonly BackendTrack[] }
  | { readonly kind: 'empty' }
  | { readonly kind: 'error'; readonly message: string; readonly severity: string };

const tracksOf = (list: unknown): BackendTrack[] =>
  Array.isArray(list) ? list.flatMap((item) => toBackendTrack(item) ?? []) : [];

/** Parses a Lavalink v4 `loadtracks` body; anything unexpected reads as an error outcome. */
export function parseLoadResult(body: unknown): LoadOutcome {
  if (typeof body !== 'object' || body === null) {
    return { kind: 'error', message: 'the audio node gave no answer', severity: 'fault' };
  }
  // A node that failed the request (HTTP 500...) has not searched: that is not "nothing found".
  const failure = nodeErrorOf(body);
  if (failure !== undefined) return { kind: 'error', message: failure, severity: 'fault' };
  const { loadType, data } = body as { loadType?: unknown; data?: unknown };
  switch (loadType) {
    case 'track': {
      const track = toBackendTrack(data);
      return track === undefined ? { kind: 'empty' } : { kind: 'track', tracks: [track] };
    }
    case 'search':
      return { kind: 'search', tracks: tracksOf(data) };
    case 'playlist': {
      const playlist = (data ?? {}) as { info?: { name?: unknown }; tracks?: unknown };
      const name = typeof playlist.info?.name === 'string' ? playlist.info.name : 'playlist';
      return { kind: 'playlist', name, tracks: tracksOf(playlist.tracks) };
    }
    case 'error': {
      const error = (data ?? {}) as { message?: unknown; severity?: unknown };
      return {
        kind: 'error',
        message: typeof error.message === 'string' ? error.message : 'unknown error',
        severity: typeof error.severity === 'string' ? error.severity : 'fault',
      };
    }
    default:
      return { kind: 'empty' };
  }
}
