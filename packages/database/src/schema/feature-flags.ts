import { boolean, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * Feature switches. `guild_id` is a guild's id, or {@link GLOBAL_FLAG_SCOPE} for the default every guild
 * inherits unless it has its own row.
 */
export const featureFlags = pgTable(
  'feature_flags',
  {
    guildId: text('guild_id').notNull(),
    name: text('name').notNull(),
    enabled: boolean('enabled').notNull(),
    /** Optional variant data (a percentage, a list of ids) read by the feature itself. */
    payload: jsonb('payload').$type<unknown>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('feature_flags_guild_name_unique').on(t.guildId, t.name)],
);
