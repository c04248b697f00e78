import { and, between, eq, sql } from 'drizzle-orm';
import { PLAYLIST_TRACKS_LIMIT } from '../constants.js';
import type { Executor } from '../executor.js';
import { playlistTracks } from '../schema/playlists.js';

/**
 * Positions are moved through this offset while shifting, because PostgreSQL checks the (playlist, position)
 * key row by row inside one UPDATE: shifting in place would collide with the neighbour.
 */
const SHIFT_OFFSET = PLAYLIST_TRACKS_LIMIT * 10;

/** Where a track being moved waits, clear of every real and shifted position. */
const PARKED_POSITION = SHIFT_OFFSET * 2;

/** Moves the tracks at positions [from, to] of a playlist by `delta`. Call with the playlist row locked. */
export async function shiftPositions(
  tx: Executor,
  playlistId: string,
  from: number,
  to: number,
  delta: number,
): Promise<void> {
  if (from > to) return;
  await tx
    .update(playlistTracks)
    .set({ position: sql`${playlistTracks.position} + ${SHIFT_OFFSET}` })
    .where(and(eq(playlistTracks.playlistId, playlistId), between(playlistTracks.position, from, to)));
  await tx
    .update(playlistTracks)
    .set({ position: sql`${playlistTracks.position} - ${SHIFT_OFFSET - delta}` })
    .where(
      and(
        eq(playlistTracks.playlistId, playlistId),
        between(playlistTracks.position, from + SHIFT_OFFSET, to + SHIFT_OFFSET),
      ),
    );
}

/** Moves the track at `from` to `to`; the ones in between slide by one. Call with the playlist row locked. */
export async function moveToPosition(
  tx: Executor,
  playlistId: string,
  from: number,
  to: number,
): Promise<void> {
  if (from === to) return;
  const at = (position: number) =>
    and(eq(playlistTracks.playlistId, playlistId), eq(playlistTracks.position, position));
  // Park the moving track out of the way, slide the ones between, then drop it into place.
  await tx.update(playlistTracks).set({ position: PARKED_POSITION }).where(at(from));
  if (from < to) await shiftPositions(tx, playlistId, from + 1, to, -1);
  else await shiftPositions(tx, playlistId, to, from - 1, 1);
  await tx.update(playlistTracks).set({ position: to }).where(at(PARKED_POSITION));
}
