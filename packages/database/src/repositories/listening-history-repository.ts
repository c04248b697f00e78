import { and, count, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { READ_PAGE_LIMIT } from '../constants.js';
import type { StoredTrack } from '../model/stored-track.js';
import { listeningHistory } from '../schema/listening-history.js';
import { Repository } from './repository.js';

/** How a track stopped playing. */
export type PlayOutcome = 'finished' | 'skipped' | 'stopped' | 'failed';

/** One play of one track in one guild. */
export interface PlayRecord {
  readonly guildId: string;
  /** Who requested the track. */
  readonly userId: string;
  readonly track: StoredTrack;
  readonly startedAt: Date;
  readonly endedAt: Date;
  readonly playedMs: number;
  readonly outcome: PlayOutcome;
}

/** A stored {@link PlayRecord}. */
export interface HistoryEntry extends PlayRecord {
  readonly id: number;
}

/** A track's play count over a period. */
export interface TrackPlayCount {
  /** `sourceName:identifier`. */
  readonly trackKey: string;
  readonly title: string;
  readonly author: string;
  /** The most recent play's track, ready to be queued again. */
  readonly track: StoredTrack;
  readonly plays: number;
  readonly skips: number;
}

/** Paging of a history read: newest first, strictly older than `before` when given. */
export interface HistoryPage {
  readonly limit: number;
  readonly before?: Date;
}

type Row = typeof listeningHistory.$inferSelect;

function toEntry(row: Row): HistoryEntry {
  return {
    id: row.id,
    guildId: row.guildId,
    userId: row.userId,
    track: row.track,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    playedMs: row.playedMs,
    outcome: row.outcome,
  };
}

/** The key two plays of the same recording share. */
export function trackKeyOf(track: StoredTrack): string {
  return `${track.info.sourceName}:${track.info.identifier}`;
}

/** Listening history: written when a track stops, read for "recently played" and "top tracks". */
export class ListeningHistoryRepository extends Repository {
  protected readonly name = 'listening_history';

  /** Records one play. */
  public record(play: PlayRecord): Promise<HistoryEntry> {
    return this.run('record', async () => {
      const [row] = await this.db
        .insert(listeningHistory)
        .values({
          guildId: play.guildId,
          userId: play.userId,
          trackKey: trackKeyOf(play.track),
          title: play.track.info.title,
          author: play.track.info.author,
          track: play.track,
          startedAt: play.startedAt,
          endedAt: play.endedAt,
          playedMs: Math.max(0, Math.round(play.playedMs)),
          outcome: play.outcome,
        })
        .returning();
      if (row === undefined) throw new Error('insert returned no row');
      return toEntry(row);
    });
  }

  /** The guild's plays, newest first. */
  public recentForGuild(guildId: string, page: HistoryPage): Promise<HistoryEntry[]> {
    return this.run('recentForGuild', () => this.recent(eq(listeningHistory.guildId, guildId), page));
  }

  /** The user's plays across guilds, newest first. */
  public recentForUser(userId: string, page: HistoryPage): Promise<HistoryEntry[]> {
    return this.run('recentForUser', () => this.recent(eq(listeningHistory.userId, userId), page));
  }

  /** The guild's most played tracks since `since`, most plays first. */
  public topTracks(
    guildId: string,
    options: { readonly since: Date; readonly limit: number },
  ): Promise<TrackPlayCount[]> {
    return this.run('topTracks', async () => {
      const plays = count();
      const rows = await this.db
        .select({
          trackKey: listeningHistory.trackKey,
          title: sql<string>`max(${listeningHistory.title})`,
          author: sql<string>`max(${listeningHistory.author})`,
          track: sql<StoredTrack>`(array_agg(${listeningHistory.track} order by ${listeningHistory.startedAt} desc))[1]`,
          plays,
          skips: sql<number>`count(*) filter (where ${listeningHistory.outcome} = 'skipped')`.mapWith(Number),
        })
        .from(listeningHistory)
        .where(and(eq(listeningHistory.guildId, guildId), gte(listeningHistory.startedAt, options.since)))
        .groupBy(listeningHistory.trackKey)
        .orderBy(desc(plays), listeningHistory.trackKey)
        .limit(Math.min(options.limit, READ_PAGE_LIMIT));
      return rows;
    });
  }

  /** Deletes plays that started before `cutoff` (retention). Returns how many. */
  public pruneOlderThan(cutoff: Date): Promise<number> {
    return this.run('pruneOlderThan', async () => {
      const rows = await this.db
        .delete(listeningHistory)
        .where(lt(listeningHistory.startedAt, cutoff))
        .returning({ id: listeningHistory.id });
      return rows.length;
    });
  }

  private async recent(filter: ReturnType<typeof eq>, page: HistoryPage): Promise<HistoryEntry[]> {
    const rows = await this.db
      .select()
      .from(listeningHistory)
      .where(and(filter, page.before === undefined ? undefined : lt(listeningHistory.startedAt, page.before)))
      .orderBy(desc(listeningHistory.startedAt), desc(listeningHistory.id))
      .limit(Math.min(page.limit, READ_PAGE_LIMIT));
    return rows.map(toEntry);
  }
}
