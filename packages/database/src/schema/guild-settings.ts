import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { DEFAULT_GUILD_SETTINGS as D, SEARCH_SOURCE_NAMES } from '../constants.js';
import type { SearchSourceName } from '../repositories/guild-settings-types.js';
import { autoplayModeEnum } from './enums.js';

/** Per-guild configuration. A guild without a row uses the defaults of the columns. */
export const guildSettings = pgTable(
  'guild_settings',
  {
    guildId: text('guild_id').primaryKey(),
    defaultVolume: smallint('default_volume').notNull().default(D.defaultVolume),
    djRoleId: text('dj_role_id'),
    announceChannelId: text('announce_channel_id'),
    alwaysOn: boolean('always_on').notNull().default(D.alwaysOn),
    voteSkipRatio: real('vote_skip_ratio').notNull().default(D.voteSkipRatio),
    maxQueueLength: integer('max_queue_length').notNull().default(D.maxQueueLength),
    /** Null means no limit. */
    maxTrackDurationMs: integer('max_track_duration_ms'),
    duplicateGuard: boolean('duplicate_guard').notNull().default(D.duplicateGuard),
    autoplayMode: autoplayModeEnum('autoplay_mode').notNull().default(D.autoplayMode),
    language: text('language').notNull().default(D.language),
    /** Effective tier, maintained by the billing flow from active subscriptions; `free` when none. */
    premiumTier: text('premium_tier').notNull().default(D.premiumTier),
    /** Source a plain query searches first; null: the usual order of the sources the nodes have. */
    defaultSearchSource: text('default_search_source').$type<SearchSourceName>(),
    revision: integer('revision').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('guild_settings_volume_range', sql`${t.defaultVolume} between 0 and 200`),
    check('guild_settings_vote_skip_range', sql`${t.voteSkipRatio} > 0 and ${t.voteSkipRatio} <= 1`),
    check('guild_settings_queue_length_positive', sql`${t.maxQueueLength} > 0`),
    check(
      'guild_settings_track_duration_positive',
      sql`${t.maxTrackDurationMs} is null or ${t.maxTrackDurationMs} > 0`,
    ),
    check(
      'guild_settings_default_search_source_known',
      sql`${t.defaultSearchSource} is null or ${t.defaultSearchSource} in (${sql.raw(
        SEARCH_SOURCE_NAMES.map((name) => `'${name}'`).join(', '),
      )})`,
    ),
  ],
);
