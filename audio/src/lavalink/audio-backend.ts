import type { BackendListener } from './backend-events.js';
import type { BackendTrack } from './backend-track.js';
import type { LoadOutcome } from './load-outcome.js';

/** A Discord voice event for the bot, as the gateway forwarded it. */
export type VoicePacket =
  | {
      readonly kind: 'state';
      readonly guildId: string;
      readonly userId: string;
      readonly channelId: string | null;
      readonly sessionId: string;
      readonly selfDeaf: boolean;
      readonly selfMute: boolean;
      readonly serverDeaf: boolean;
      readonly serverMute: boolean;
      readonly suppress: boolean;
    }
  | {
      readonly kind: 'server';
      readonly guildId: string;
      readonly token: string;
      readonly endpoint: string | null;
    };

/** What to play and how. */
export interface PlayRequest {
  readonly track: BackendTrack;
  readonly positionMs: number;
  readonly paused: boolean;
  /** Percent, 0 to 200. */
  readonly volume: number;
  /** Lavalink filters object, passed as stored. */
  readonly filters: Readonly<Record<string, unknown>>;
}

/**
 * A player a node kept while this service was away (a resumed Lavalink session): what it plays and its
 * voice connection, as the node reports them.
 */
export interface ResumedPlayer {
  readonly nodeId: string;
  readonly guildId: string;
  /** Null when the node plays nothing (the track ended while the service was away). */
  readonly track: BackendTrack | null;
  readonly positionMs: number;
  readonly paused: boolean;
  readonly volume: number;
  readonly filters: Readonly<Record<string, unknown>>;
  /** The node's voice connection (connected, or at least its details known). */
  readonly voice: {
    readonly token: string;
    readonly endpoint: string;
    readonly sessionId: string;
    readonly channelId: string | null;
    readonly connected: boolean;
  };
}

/** Health of one audio node, for metrics and readiness. */
export interface NodeHealth {
  readonly id: string;
  readonly connected: boolean;
  /** This service's players on the node. */
  readonly players: number;
  /** Players playing on the node, as its last stats said. */
  readonly playingPlayers: number;
  /** Frames not sent in the last minute (Lavalink `frameStats.deficit`), 0 when unknown. */
  readonly frameDeficit: number;
}

/**
 * The audio service's only view of Lavalink: nodes, players and voice, with no queue semantics. The real
 * implementation wraps lavalink-client; everything above it speaks this interface.
 */
export interface AudioBackend {
  /**
   * Connects to the nodes as the bot user; resolves once at least one node is ready and every node with a
   * session to resume has answered, with the players of the sessions resumed (to {@link adoptResumed} or
   * {@link discardResumed}).
   */
  start(botUserId: string): Promise<readonly ResumedPlayer[]>;
  close(): Promise<void>;
  onEvent(listener: BackendListener): void;
  /** True when at least one node is connected. */
  available(): boolean;
  /** Source names the connected nodes list (`http`, `local`, `youtube`...). */
  sources(): ReadonlySet<string>;
  load(identifier: string): Promise<LoadOutcome>;
  /**
   * Creates the guild's player on the least loaded node (if needed) and asks Discord to join the channel;
   * `force` asks again even when the player believes it is connected there (rejoin after a loss).
   */
  connect(guildId: string, voiceChannelId: string, force?: boolean): Promise<void>;
  /** Leaves voice and destroys the guild's player. */
  disconnect(guildId: string): Promise<void>;
  /** Destroys the guild's player on the node without leaving voice (another replica drives it now). */
  release(guildId: string): Promise<void>;
  hasPlayer(guildId: string): boolean;
  /**
   * Puts the guild's player on the least loaded other connected node, with its voice connection (its node
   * went away); the caller then plays the current track there. False when no node can take it.
   */
  moveToAnotherNode(guildId: string): Promise<boolean>;
  /** Drives a resumed player again as it is on its node, without touching the node or voice. */
  adoptResumed(player: ResumedPlayer, voiceChannelId: string): void;
  /** Destroys a resumed player on its node (its guild is gone, or another replica drives it). */
  discardResumed(player: ResumedPlayer): Promise<void>;
  play(guildId: string, request: PlayRequest): Promise<void>;
  stopTrack(guildId: string): Promise<void>;
  setPaused(guildId: string, paused: boolean): Promise<void>;
  seek(guildId: string, positionMs: number): Promise<void>;
  setVolume(guildId: string, volume: number): Promise<void>;
  /** Estimated playback position of the guild's track, or undefined without a player. */
  position(guildId: string): number | undefined;
  /** Id of the node the guild's player is on. */
  nodeOf(guildId: string): string | undefined;
  forwardVoice(packet: VoicePacket): Promise<void>;
  nodes(): readonly NodeHealth[];
}
