/** Who asked for a track. */
export interface TrackRequester {
  readonly id: string;
  readonly username?: string;
}

/**
 * Lavalink v4 track info, as the node's REST API returns it (lavalink-client calls `length` `duration`:
 * convert at that boundary).
 */
export interface StoredTrackInfo {
  readonly identifier: string;
  readonly title: string;
  readonly author: string;
  /** Duration in milliseconds; 0 or very large for streams. */
  readonly length: number;
  readonly isStream: boolean;
  readonly isSeekable: boolean;
  readonly uri: string | null;
  readonly artworkUrl: string | null;
  readonly isrc: string | null;
  readonly sourceName: string;
}

/**
 * A track as persisted: the Lavalink `encoded` string is enough to play it again on any node; `info` keeps
 * what is shown without decoding; `requester` is who queued it.
 */
export interface StoredTrack {
  readonly encoded: string;
  readonly info: StoredTrackInfo;
  readonly requester: TrackRequester;
  /** Source-plugin data Lavalink asks clients to hand back unchanged. */
  readonly pluginInfo?: Readonly<Record<string, unknown>>;
  /** Data the client attached when loading the track (Lavalink v4 `userData`). */
  readonly userData?: Readonly<Record<string, unknown>>;
}
