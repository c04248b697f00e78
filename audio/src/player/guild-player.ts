import type { LoopMode, PlayerState } from '@discord-bot/database';
import { fromStoredTrack, toStoredTrack, type QueuedTrack } from './queued-track.js';

/** How many played tracks a player remembers for `previous`. */
export const PREVIOUS_TRACKS_KEPT = 25;

/**
 * One guild's player state: what plays, what is queued, and how. Plain data changed only under the guild's
 * mutex; {@link PlayerEngine} drives the audio node from it.
 */
export class GuildPlayer {
  public voiceChannelId: string | null;
  public textChannelId: string | null;
  public current: QueuedTrack | null = null;
  public queue: QueuedTrack[] = [];
  /** Most recent first. */
  public previous: QueuedTrack[] = [];
  public loop: LoopMode = 'off';
  public volume: number;
  public paused = false;
  public filters: Readonly<Record<string, unknown>> = {};
  /** Tracks that failed one after the other (reset when a track ends normally or a user skips). */
  public failures = 0;
  /** Position to use while the node cannot tell (restoring, or no node). */
  public positionHintMs = 0;
  /** True once the node has the voice connection details (the voice server event was forwarded). */
  public voiceReady = false;
  /** The current track waits for the voice connection before it is sent to the node. */
  public pendingStart = false;
  /** The bot is leaving and rejoining voice on purpose (restore): its voice state `null` is expected. */
  public rejoining = false;
  /** Set while the player is being restored: when restoring began (performance.now()). */
  public restoreStartedAt: number | undefined;
  /** No audio node is connected: the guild was told once and the player resumes when one is back. */
  public waitingForNode = false;
  /** The last exception the node reported for the current track. */
  public lastException: string | undefined;

  public constructor(
    public readonly guildId: string,
    init: { voiceChannelId: string | null; textChannelId: string | null; volume: number },
  ) {
    this.voiceChannelId = init.voiceChannelId;
    this.textChannelId = init.textChannelId;
    this.volume = init.volume;
  }

  /** Rebuilds a player from its saved state. */
  public static fromState(state: PlayerState): GuildPlayer {
    const player = new GuildPlayer(state.guildId, {
      voiceChannelId: state.voiceChannelId,
      textChannelId: state.textChannelId,
      volume: state.volume,
    });
    player.current = state.currentTrack === null ? null : fromStoredTrack(state.currentTrack);
    player.queue = state.queue.map(fromStoredTrack);
    player.previous = state.previousTracks.map(fromStoredTrack);
    player.loop = state.loopMode;
    player.paused = state.paused;
    player.filters = state.filters;
    player.positionHintMs = state.positionMs;
    return player;
  }

  /** The state to save, with the current position. */
  public snapshot(positionMs: number): PlayerState {
    return {
      guildId: this.guildId,
      voiceChannelId: this.voiceChannelId,
      textChannelId: this.textChannelId,
      currentTrack: this.current === null ? null : toStoredTrack(this.current),
      positionMs: Math.max(0, Math.round(positionMs)),
      queue: this.queue.map(toStoredTrack),
      previousTracks: this.previous.map(toStoredTrack),
      loopMode: this.loop,
      volume: this.volume,
      filters: this.filters,
      autoplay: false,
      paused: this.paused,
      savedAt: new Date(),
    };
  }

  /** Remembers `item` as played (for `previous`). */
  public remember(item: QueuedTrack): void {
    this.previous.unshift(item);
    if (this.previous.length > PREVIOUS_TRACKS_KEPT) this.previous.length = PREVIOUS_TRACKS_KEPT;
  }
}
