import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.js';
import { subscriptionStatusEnum } from './enums.js';
import { premiumTiers } from './premium-tiers.js';

/** A customer's paid tier applied to one guild. */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    guildId: text('guild_id').notNull(),
    tierId: text('tier_id')
      .notNull()
      .references(() => premiumTiers.id),
    status: subscriptionStatusEnum('status').notNull(),
    currentPeriodEnd: timestamp('current_period_end', { withTimezone: true }).notNull(),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    externalRef: text('external_ref').unique('subscriptions_external_ref_unique'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('subscriptions_guild_idx').on(t.guildId),
    index('subscriptions_customer_idx').on(t.customerId),
  ],
);
