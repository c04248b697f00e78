import type { StoredTrackInfo } from '@discord-bot/database';

/** A playable track as the audio node describes it: the encoded form plays it on any node. */
export interface BackendTrack {
  readonly encoded: string;
  readonly info: StoredTrackInfo;
  readonly pluginInfo: Readonly<Record<string, unknown>>;
}

/** Reads a Lavalink v4 Track object (from `loadtracks` or an event) into a {@link BackendTrack}. */
export function toBackendTrack(raw: unknown): BackendTrack | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { encoded, info, pluginInfo } = raw as Record<string, unknown>;
  if (typeof encoded !== 'string' || typeof info !== 'object' || info === null) return undefined;
  const i = info as Record<string, unknown>;
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  const nullable = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    encoded,
    info: {
      identifier: text(i['identifier']),
      title: text(i['title']),
      author: text(i['author']),
      length: typeof i['length'] === 'number' ? i['length'] : 0,
      isStream: i['isStream'] === true,
      isSeekable: i['isSeekable'] === true,
      uri: nullable(i['uri']),
      artworkUrl: nullable(i['artworkUrl']),
      isrc: nullable(i['isrc']),
      sourceName: text(i['sourceName']),
    },
    pluginInfo:
      typeof pluginInfo === 'object' && pluginInfo !== null ? (pluginInfo as Record<string, unknown>) : {},
  };
}
