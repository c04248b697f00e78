import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * API keys. Only `sha256(key)` is stored; `prefix` is the public part of the key used to find the row
 * without scanning, and shown in listings so people can tell keys apart.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    prefix: text('prefix').notNull().unique('api_keys_prefix_unique'),
    hash: text('hash').notNull(),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    /** Null: any guild the scopes allow; else only this guild. */
    guildId: text('guild_id'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [index('api_keys_guild_idx').on(t.guildId)],
);
