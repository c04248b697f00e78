import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A paying (or trialing) person, identified by their Discord account. */
export const customers = pgTable('customers', {
  id: uuid('id').primaryKey().defaultRandom(),
  discordUserId: text('discord_user_id').notNull().unique('customers_discord_user_unique'),
  email: text('email'),
  /** The payment provider's customer id, when there is one. */
  externalRef: text('external_ref').unique('customers_external_ref_unique'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
