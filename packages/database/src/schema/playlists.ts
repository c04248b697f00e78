import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StoredTrack } from '../model/stored-track.js';
import { playlistOwnerTypeEnum } from './enums.js';

/** A saved playlist, owned by a user or by a guild. Names are unique per owner, ignoring case. */
export const playlists = pgTable(
  'playlists',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: playlistOwnerTypeEnum('owner_type').notNull(),
    ownerId: text('owner_id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    createdBy: text('created_by').notNull(),
    trackCount: integer('track_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('playlists_owner_name_unique').on(t.ownerType, t.ownerId, sql`lower(${t.name})`),
    index('playlists_owner_idx').on(t.ownerType, t.ownerId),
  ],
);

/** The tracks of a playlist, in order: `position` runs 0..track_count-1 without gaps. */
export const playlistTracks = pgTable(
  'playlist_tracks',
  {
    playlistId: uuid('playlist_id')
      .notNull()
      .references(() => playlists.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    track: jsonb('track').$type<StoredTrack>().notNull(),
    addedBy: text('added_by').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.playlistId, t.position] }),
    check('playlist_tracks_position_non_negative', sql`${t.position} >= 0`),
  ],
);
