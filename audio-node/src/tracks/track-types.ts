/** Track metadata as Lavalink v4 serialises it (`Track.info`). */
export interface TrackInfo {
  readonly identifier: string;
  readonly isSeekable: boolean;
  readonly author: string;
  /** Milliseconds; streams carry Java's `Long.MAX_VALUE` (as a JS number, 2^63). */
  readonly length: number;
  readonly isStream: boolean;
  readonly position: number;
  readonly title: string;
  readonly uri: string | null;
  readonly artworkUrl: string | null;
  readonly isrc: string | null;
  readonly sourceName: string;
}

/** A track decoded from (or about to be encoded to) lavaplayer's binary format. */
export interface DecodedTrack {
  readonly info: TrackInfo;
  /** Format version the track was read from (1-3); tracks this node writes are version 3. */
  readonly version: number;
  /**
   * The source-specific bytes between `sourceName` and the trailing position, kept verbatim. For `http` and
   * `local` tracks they are a modified-UTF-8 container probe string such as `mp3` or `ogg|opus`.
   */
  readonly sourceData: Buffer;
}

/** A Lavalink v4 `Track` JSON object. */
export interface LavalinkTrack {
  readonly encoded: string;
  readonly info: TrackInfo;
  readonly pluginInfo: Record<string, unknown>;
  readonly userData: Record<string, unknown>;
}

/** `length` of a live stream, as Lavalink reports it (Java's `Long.MAX_VALUE`, rounded by JS numbers). */
export const STREAM_LENGTH_MS = 2 ** 63; // Long.MAX_VALUE + 1: the nearest double; the codec clamps it when writing
