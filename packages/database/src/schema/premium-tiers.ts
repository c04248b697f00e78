import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** What a tier unlocks; read by the services that enforce the limits. */
export interface PremiumTierLimits {
  readonly maxQueueLength?: number;
  readonly maxTrackDurationMs?: number;
  readonly features?: readonly string[];
}

/** Sellable tiers (`plus`, `pro`, ...). `free` needs no row. */
export const premiumTiers = pgTable('premium_tiers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** Display order and comparison: a higher rank wins when a guild has several subscriptions. */
  rank: integer('rank').notNull(),
  monthlyPriceCents: integer('monthly_price_cents').notNull(),
  limits: jsonb('limits').$type<PremiumTierLimits>().notNull().default({}),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
