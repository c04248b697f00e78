import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { StoredTrack } from '../model/stored-track.js';
import { loopModeEnum } from './enums.js';

/**
 * The last saved state of each guild's player, so a restarted audio service resumes where it stopped.
 * One row per guild; writes are ordered by `saved_at` (see the player state repository).
 */
export const playerStates = pgTable(
  'player_states',
  {
    guildId: text('guild_id').primaryKey(),
    voiceChannelId: text('voice_channel_id'),
    textChannelId: text('text_channel_id'),
    currentTrack: jsonb('current_track').$type<StoredTrack>(),
    positionMs: integer('position_ms').notNull().default(0),
    queue: jsonb('queue').$type<StoredTrack[]>().notNull().default([]),
    previousTracks: jsonb('previous_tracks').$type<StoredTrack[]>().notNull().default([]),
    loopMode: loopModeEnum('loop_mode').notNull().default('off'),
    volume: smallint('volume').notNull().default(100),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull().default({}),
    autoplay: boolean('autoplay').notNull().default(false),
    paused: boolean('paused').notNull().default(false),
    /** When the writer captured this state (its clock); `positionMs` was true at that instant. */
    savedAt: timestamp('saved_at', { withTimezone: true, precision: 3 }).notNull(),
    /** Incremented by every accepted write. */
    revision: integer('revision').notNull().default(1),
  },
  (t) => [
    check('player_states_position_non_negative', sql`${t.positionMs} >= 0`),
    check('player_states_volume_range', sql`${t.volume} between 0 and 1000`),
  ],
);
