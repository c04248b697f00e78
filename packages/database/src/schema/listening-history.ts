import { bigserial, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { StoredTrack } from '../model/stored-track.js';
import { playOutcomeEnum } from './enums.js';

/** Who played what, when, and how it ended. Append-mostly; pruned by age. */
export const listeningHistory = pgTable(
  'listening_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    guildId: text('guild_id').notNull(),
    userId: text('user_id').notNull(),
    /** `sourceName:identifier`, the key for "most played" counts. */
    trackKey: text('track_key').notNull(),
    title: text('title').notNull(),
    author: text('author').notNull(),
    track: jsonb('track').$type<StoredTrack>().notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, precision: 3 }).notNull(),
    playedMs: integer('played_ms').notNull(),
    outcome: playOutcomeEnum('outcome').notNull(),
  },
  (t) => [
    index('listening_history_guild_started_idx').on(t.guildId, t.startedAt.desc()),
    index('listening_history_user_started_idx').on(t.userId, t.startedAt.desc()),
    index('listening_history_started_idx').on(t.startedAt),
  ],
);
