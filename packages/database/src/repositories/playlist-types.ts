import type { StoredTrack } from '../model/stored-track.js';

/** Who a playlist belongs to. */
export interface PlaylistOwner {
  readonly type: 'user' | 'guild';
  /** The user's or the guild's Discord id. */
  readonly id: string;
}

/** A saved playlist, without its tracks. */
export interface Playlist {
  readonly id: string;
  readonly owner: PlaylistOwner;
  readonly name: string;
  readonly description: string | null;
  readonly createdBy: string;
  readonly trackCount: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** One track of a playlist at its position (0-based). */
export interface PlaylistEntry {
  readonly position: number;
  readonly track: StoredTrack;
  readonly addedBy: string;
  readonly addedAt: Date;
}

/** Expected ways a playlist operation fails. */
export type PlaylistFailure =
  | { readonly code: 'PLAYLIST_NOT_FOUND' }
  | { readonly code: 'PLAYLIST_NAME_TAKEN' }
  | { readonly code: 'PLAYLIST_NAME_INVALID'; readonly reason: string }
  | { readonly code: 'PLAYLIST_LIMIT_REACHED'; readonly max: number }
  | { readonly code: 'PLAYLIST_FULL'; readonly max: number }
  | { readonly code: 'POSITION_OUT_OF_RANGE'; readonly position: number; readonly trackCount: number };
