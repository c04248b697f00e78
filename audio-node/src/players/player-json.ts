import type { Filters } from '../engine/engine-contract.js';
import type { VoiceState } from '../rest/parse-player-update.js';
import type { LavalinkTrack } from '../tracks/track-types.js';

/** `playerUpdate.state` and `Player.state`. */
export interface PlayerState {
  readonly time: number;
  readonly position: number;
  readonly connected: boolean;
  readonly ping: number;
}

/** Lavalink v4 `Player` object. */
export interface PlayerJson {
  readonly guildId: string;
  readonly track: LavalinkTrack | null;
  readonly volume: number;
  readonly paused: boolean;
  readonly state: PlayerState;
  readonly voice: {
    readonly token: string;
    readonly endpoint: string;
    readonly sessionId: string;
    readonly channelId: string | null;
  };
  readonly filters: Filters;
}

export const EMPTY_VOICE:
  VoiceState | { token: string; endpoint: string; sessionId: string; channelId: null } = {
  token: '',
  endpoint: '',
  sessionId: '',
  channelId: null,
};
