import { err, ok, type Result } from '@discord-bot/errors';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { PLAYLIST_NAME_MAX_LENGTH, PLAYLISTS_PER_OWNER_LIMIT, PLAYLIST_TRACKS_LIMIT } from '../constants.js';
import { isUniqueViolation } from '../errors/pg-error.js';
import type { Executor } from '../executor.js';
import type { StoredTrack } from '../model/stored-track.js';
import { playlists, playlistTracks } from '../schema/playlists.js';
import type { Playlist, PlaylistEntry, PlaylistFailure, PlaylistOwner } from './playlist-types.js';
import { inSavepoint } from './in-savepoint.js';
import { moveToPosition, shiftPositions } from './playlist-positions.js';
import { Repository } from './repository.js';
import { isUuid } from './uuid.js';

type Row = typeof playlists.$inferSelect;

function toPlaylist(row: Row): Playlist {
  return {
    id: row.id,
    owner: { type: row.ownerType, id: row.ownerId },
    name: row.name,
    description: row.description,
    createdBy: row.createdBy,
    trackCount: row.trackCount,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function checkName(name: string): PlaylistFailure | undefined {
  const trimmed = name.trim();
  if (trimmed.length === 0) return { code: 'PLAYLIST_NAME_INVALID', reason: 'empty' };
  if (trimmed.length > PLAYLIST_NAME_MAX_LENGTH) {
    return { code: 'PLAYLIST_NAME_INVALID', reason: `longer than ${PLAYLIST_NAME_MAX_LENGTH} characters` };
  }
  return undefined;
}

const NAME_CONSTRAINT = 'playlists_owner_name_unique';

/**
 * Saved playlists of users and guilds, with their ordered tracks. Every change to a playlist's tracks
 * locks the playlist row first, so concurrent edits apply one after the other and positions stay 0..n-1.
 */
export class PlaylistRepository extends Repository {
  protected readonly name = 'playlist';

  /** Creates an empty playlist. Names are unique per owner, ignoring case. */
  public create(input: {
    readonly owner: PlaylistOwner;
    readonly name: string;
    readonly description?: string;
    readonly createdBy: string;
  }): Promise<Result<Playlist, PlaylistFailure>> {
    return this.run('create', async () => {
      const invalid = checkName(input.name);
      if (invalid !== undefined) return err(invalid);
      const [owned] = await this.db
        .select({ n: count() })
        .from(playlists)
        .where(and(eq(playlists.ownerType, input.owner.type), eq(playlists.ownerId, input.owner.id)));
      if ((owned?.n ?? 0) >= PLAYLISTS_PER_OWNER_LIMIT) {
        return err({ code: 'PLAYLIST_LIMIT_REACHED', max: PLAYLISTS_PER_OWNER_LIMIT });
      }
      const [row] = await this.db
        .insert(playlists)
        .values({
          ownerType: input.owner.type,
          ownerId: input.owner.id,
          name: input.name.trim(),
          description: input.description ?? null,
          createdBy: input.createdBy,
        })
        .onConflictDoNothing()
        .returning();
      return row === undefined ? err({ code: 'PLAYLIST_NAME_TAKEN' }) : ok(toPlaylist(row));
    });
  }

  /** The playlist with this id, if it exists. */
  public find(id: string): Promise<Playlist | undefined> {
    return this.run('find', async () => {
      if (!isUuid(id)) return undefined;
      const [row] = await this.db.select().from(playlists).where(eq(playlists.id, id));
      return row === undefined ? undefined : toPlaylist(row);
    });
  }

  /** The owner's playlist with this name (case-insensitive), if any. */
  public findByName(owner: PlaylistOwner, name: string): Promise<Playlist | undefined> {
    return this.run('findByName', async () => {
      const [row] = await this.db
        .select()
        .from(playlists)
        .where(
          and(
            eq(playlists.ownerType, owner.type),
            eq(playlists.ownerId, owner.id),
            sql`lower(${playlists.name}) = lower(${name.trim()})`,
          ),
        );
      return row === undefined ? undefined : toPlaylist(row);
    });
  }

  /** The owner's playlists, by name. */
  public listByOwner(owner: PlaylistOwner): Promise<Playlist[]> {
    return this.run('listByOwner', async () => {
      const rows = await this.db
        .select()
        .from(playlists)
        .where(and(eq(playlists.ownerType, owner.type), eq(playlists.ownerId, owner.id)))
        .orderBy(asc(sql`lower(${playlists.name})`));
      return rows.map(toPlaylist);
    });
  }

  /** Renames a playlist. */
  public rename(id: string, name: string): Promise<Result<Playlist, PlaylistFailure>> {
    return this.run('rename', async () => {
      const invalid = checkName(name);
      if (invalid !== undefined) return err(invalid);
      if (!isUuid(id)) return err({ code: 'PLAYLIST_NOT_FOUND' });
      const attempt = await inSavepoint(this.db, (tx) =>
        tx
          .update(playlists)
          .set({ name: name.trim(), updatedAt: sql`now()` })
          .where(eq(playlists.id, id))
          .returning(),
      );
      if (!attempt.ok) {
        if (!isUniqueViolation(attempt.error, NAME_CONSTRAINT)) throw attempt.error;
        return err({ code: 'PLAYLIST_NAME_TAKEN' } as const);
      }
      const [row] = attempt.value;
      return row === undefined ? err({ code: 'PLAYLIST_NOT_FOUND' } as const) : ok(toPlaylist(row));
    });
  }

  /** Deletes a playlist and its tracks. False when it did not exist. */
  public delete(id: string): Promise<boolean> {
    return this.run('delete', async () => {
      if (!isUuid(id)) return false;
      const rows = await this.db
        .delete(playlists)
        .where(eq(playlists.id, id))
        .returning({ id: playlists.id });
      return rows.length > 0;
    });
  }

  /** The playlist's tracks in order. Empty for an unknown playlist. */
  public tracks(id: string): Promise<PlaylistEntry[]> {
    return this.run('tracks', async () => {
      if (!isUuid(id)) return [];
      const rows = await this.db
        .select()
        .from(playlistTracks)
        .where(eq(playlistTracks.playlistId, id))
        .orderBy(asc(playlistTracks.position));
      return rows.map((row) => ({
        position: row.position,
        track: row.track,
        addedBy: row.addedBy,
        addedAt: row.addedAt,
      }));
    });
  }

  /** Appends tracks at the end. All or none: refused when they would not fit. */
  public addTracks(
    id: string,
    tracks: readonly StoredTrack[],
    addedBy: string,
  ): Promise<Result<{ readonly trackCount: number }, PlaylistFailure>> {
    return this.run('addTracks', () =>
      this.withLockedPlaylist(id, async (tx, playlist) => {
        const trackCount = playlist.trackCount + tracks.length;
        if (trackCount > PLAYLIST_TRACKS_LIMIT) {
          return err({ code: 'PLAYLIST_FULL', max: PLAYLIST_TRACKS_LIMIT });
        }
        if (tracks.length > 0) {
          await tx.insert(playlistTracks).values(
            tracks.map((track, index) => ({
              playlistId: id,
              position: playlist.trackCount + index,
              track,
              addedBy,
            })),
          );
        }
        await this.touch(tx, id, trackCount);
        return ok({ trackCount });
      }),
    );
  }

  /** Removes the track at `position`; the ones after it move up. */
  public removeTrack(
    id: string,
    position: number,
  ): Promise<Result<{ readonly trackCount: number }, PlaylistFailure>> {
    return this.run('removeTrack', () =>
      this.withLockedPlaylist(id, async (tx, playlist) => {
        if (!Number.isInteger(position) || position < 0 || position >= playlist.trackCount) {
          return err({ code: 'POSITION_OUT_OF_RANGE', position, trackCount: playlist.trackCount });
        }
        await tx
          .delete(playlistTracks)
          .where(and(eq(playlistTracks.playlistId, id), eq(playlistTracks.position, position)));
        await shiftPositions(tx, id, position + 1, playlist.trackCount - 1, -1);
        const trackCount = playlist.trackCount - 1;
        await this.touch(tx, id, trackCount);
        return ok({ trackCount });
      }),
    );
  }

  /** Moves the track at `from` to `to`; the ones in between slide by one. */
  public moveTrack(id: string, from: number, to: number): Promise<Result<void, PlaylistFailure>> {
    return this.run('moveTrack', () =>
      this.withLockedPlaylist(id, async (tx, playlist) => {
        for (const position of [from, to]) {
          if (!Number.isInteger(position) || position < 0 || position >= playlist.trackCount) {
            return err({ code: 'POSITION_OUT_OF_RANGE', position, trackCount: playlist.trackCount });
          }
        }
        await moveToPosition(tx, id, from, to);
        await this.touch(tx, id, playlist.trackCount);
        return ok(undefined);
      }),
    );
  }

  private async withLockedPlaylist<T>(
    id: string,
    fn: (tx: Executor, playlist: Row) => Promise<Result<T, PlaylistFailure>>,
  ): Promise<Result<T, PlaylistFailure>> {
    if (!isUuid(id)) return err({ code: 'PLAYLIST_NOT_FOUND' });
    return this.db.transaction(async (tx) => {
      const [playlist] = await tx.select().from(playlists).where(eq(playlists.id, id)).for('update');
      if (playlist === undefined) return err({ code: 'PLAYLIST_NOT_FOUND' } as const);
      return fn(tx, playlist);
    });
  }

  private async touch(tx: Executor, id: string, trackCount: number): Promise<void> {
    await tx
      .update(playlists)
      .set({ trackCount, updatedAt: sql`now()` })
      .where(eq(playlists.id, id));
  }
}
