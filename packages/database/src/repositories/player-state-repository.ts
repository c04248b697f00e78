import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import { PLAYER_PREVIOUS_TRACKS_LIMIT } from '../constants.js';
import type { StoredTrack } from '../model/stored-track.js';
import { playerStates } from '../schema/player-states.js';
import { Repository } from './repository.js';

/** What the player repeats. */
export type LoopMode = 'off' | 'track' | 'queue';

/** A guild player's state as the audio service captures it. */
export interface PlayerState {
  readonly guildId: string;
  readonly voiceChannelId: string | null;
  readonly textChannelId: string | null;
  readonly currentTrack: StoredTrack | null;
  /** Playback position of `currentTrack` at `savedAt`. */
  readonly positionMs: number;
  readonly queue: readonly StoredTrack[];
  /** Most recent first. */
  readonly previousTracks: readonly StoredTrack[];
  readonly loopMode: LoopMode;
  readonly volume: number;
  /** Lavalink filters object, stored as given. */
  readonly filters: Readonly<Record<string, unknown>>;
  readonly autoplay: boolean;
  readonly paused: boolean;
  /** When the state was captured, by the writer's clock. Orders concurrent writes. */
  readonly savedAt: Date;
}

/** A state read back, with the number of writes accepted so far. */
export interface PersistedPlayerState extends PlayerState {
  readonly revision: number;
}

/** Result of {@link PlayerStateRepository.save}. */
export type SavePlayerStateOutcome =
  | { readonly status: 'saved'; readonly revision: number }
  /** A state captured later than this one is already stored; this write was dropped. */
  | { readonly status: 'stale'; readonly storedSavedAt: Date; readonly revision: number };

type Row = typeof playerStates.$inferSelect;

function toState(row: Row): PersistedPlayerState {
  return {
    guildId: row.guildId,
    voiceChannelId: row.voiceChannelId,
    textChannelId: row.textChannelId,
    currentTrack: row.currentTrack,
    positionMs: row.positionMs,
    queue: row.queue,
    previousTracks: row.previousTracks,
    loopMode: row.loopMode,
    volume: row.volume,
    filters: row.filters,
    autoplay: row.autoplay,
    paused: row.paused,
    savedAt: row.savedAt,
    revision: row.revision,
  };
}

/**
 * Persisted player state, one row per guild, so a restarted audio service resumes every player.
 *
 * Concurrent writers (two audio instances briefly both owning a guild during a failover, or saves that
 * arrive out of order) are resolved by **last capture wins**: a save is applied only when its `savedAt` is
 * not older than the stored one, in one atomic upsert. A newer state is never overwritten by an older one,
 * whatever order the writes commit in, and no read-before-write round trip is needed. The losing writer
 * gets `stale` back and can stop driving that player.
 */
export class PlayerStateRepository extends Repository {
  protected readonly name = 'player_state';

  /** Stores `state` unless a state captured later is already stored. */
  public save(state: PlayerState): Promise<SavePlayerStateOutcome> {
    return this.run('save', async () => {
      const values = {
        guildId: state.guildId,
        voiceChannelId: state.voiceChannelId,
        textChannelId: state.textChannelId,
        currentTrack: state.currentTrack,
        positionMs: Math.max(0, Math.round(state.positionMs)),
        queue: [...state.queue],
        previousTracks: state.previousTracks.slice(0, PLAYER_PREVIOUS_TRACKS_LIMIT),
        loopMode: state.loopMode,
        volume: state.volume,
        filters: { ...state.filters },
        autoplay: state.autoplay,
        paused: state.paused,
        savedAt: state.savedAt,
      };
      const { guildId: _key, ...updatable } = values;
      const [saved] = await this.db
        .insert(playerStates)
        .values(values)
        .onConflictDoUpdate({
          target: playerStates.guildId,
          set: { ...updatable, revision: sql`${playerStates.revision} + 1` },
          setWhere: sql`${playerStates.savedAt} <= excluded.saved_at`,
        })
        .returning({ revision: playerStates.revision });
      if (saved !== undefined) return { status: 'saved', revision: saved.revision };
      const [stored] = await this.db
        .select({ savedAt: playerStates.savedAt, revision: playerStates.revision })
        .from(playerStates)
        .where(eq(playerStates.guildId, state.guildId));
      if (stored === undefined) throw new Error('player state vanished between upsert and read');
      return { status: 'stale', storedSavedAt: stored.savedAt, revision: stored.revision };
    });
  }

  /** The guild's saved state, if any. */
  public find(guildId: string): Promise<PersistedPlayerState | undefined> {
    return this.run('find', async () => {
      const [row] = await this.db.select().from(playerStates).where(eq(playerStates.guildId, guildId));
      return row === undefined ? undefined : toState(row);
    });
  }

  /**
   * Saved states in guild id order, a page at a time (start with no cursor, pass the last guild id of the
   * previous page). Used at start-up to resume players.
   */
  public list(options: {
    readonly afterGuildId?: string;
    readonly limit: number;
  }): Promise<PersistedPlayerState[]> {
    return this.run('list', async () => {
      const rows = await this.db
        .select()
        .from(playerStates)
        .where(
          options.afterGuildId === undefined ? undefined : gt(playerStates.guildId, options.afterGuildId),
        )
        .orderBy(asc(playerStates.guildId))
        .limit(options.limit);
      return rows.map(toState);
    });
  }

  /**
   * Forgets the guild's player (it left voice for good). With `savedBefore`, only deletes a state captured
   * before that instant, so a late delete cannot erase a newer player.
   */
  public delete(guildId: string, savedBefore?: Date): Promise<boolean> {
    return this.run('delete', async () => {
      const rows = await this.db
        .delete(playerStates)
        .where(
          and(
            eq(playerStates.guildId, guildId),
            savedBefore === undefined ? undefined : lte(playerStates.savedAt, savedBefore),
          ),
        )
        .returning({ guildId: playerStates.guildId });
      return rows.length > 0;
    });
  }
}
