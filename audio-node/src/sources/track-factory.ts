import { encodeProbeInfo, encodeTrack } from '../tracks/track-codec.js';
import type { LavalinkTrack, TrackInfo } from '../tracks/track-types.js';

/** Longest title/author kept from tags or URLs (bounded so a track always fits lavaplayer's format). */
export const MAX_TEXT_FIELD_CHARS = 1_000;

export type TrackFields = Omit<TrackInfo, 'position' | 'isSeekable'>;

function clip(text: string): string {
  return text.length > MAX_TEXT_FIELD_CHARS ? text.slice(0, MAX_TEXT_FIELD_CHARS) : text;
}

/** Builds a Lavalink `Track` (encoded as version 3) for an `http` or `local` source. */
export function makeTrack(fields: TrackFields, probe: string): LavalinkTrack {
  const info: TrackInfo = {
    ...fields,
    title: clip(fields.title),
    author: clip(fields.author),
    isSeekable: !fields.isStream,
    position: 0,
  };
  return { encoded: encodeTrack(info, encodeProbeInfo(probe)), info, pluginInfo: {}, userData: {} };
}

/** Last path segment of a URL or path, decoded, as a fallback title. */
export function titleFromLocation(location: string): string {
  const withoutQuery = location.split(/[?#]/)[0] ?? location;
  const segment =
    withoutQuery
      .split(/[/\\]/)
      .filter((s) => s !== '')
      .pop() ?? location;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
