import { err, ok, type Result } from '@discord-bot/errors';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { pgErrorFields, SqlState } from '../errors/pg-error.js';
import { premiumTiers } from '../schema/premium-tiers.js';
import { subscriptions } from '../schema/subscriptions.js';
import { inSavepoint } from './in-savepoint.js';
import { Repository } from './repository.js';
import { isUuid } from './uuid.js';

/** Lifecycle of a subscription. */
export type SubscriptionStatus = 'trialing' | 'active' | 'past_due' | 'canceled' | 'expired';

/** A customer's tier applied to a guild. */
export interface Subscription {
  readonly id: string;
  readonly customerId: string;
  readonly guildId: string;
  readonly tierId: string;
  readonly status: SubscriptionStatus;
  readonly currentPeriodEnd: Date;
  readonly cancelAtPeriodEnd: boolean;
  readonly externalRef: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** Expected ways a subscription write fails. */
export type SubscriptionFailure =
  | { readonly code: 'CUSTOMER_NOT_FOUND' }
  | { readonly code: 'TIER_NOT_FOUND' }
  | { readonly code: 'SUBSCRIPTION_NOT_FOUND' }
  | { readonly code: 'EXTERNAL_REF_TAKEN' };

/**
 * Statuses that entitle the guild to the tier until `currentPeriodEnd`. `past_due` keeps the tier while the
 * payment provider retries the charge; `canceled` with a future period end is a cancellation that takes
 * effect at the end of the paid period.
 */
export const ENTITLING_STATUSES: readonly SubscriptionStatus[] = [
  'trialing',
  'active',
  'past_due',
  'canceled',
];

type Row = typeof subscriptions.$inferSelect;

const toSubscription = (row: Row): Subscription => ({
  id: row.id,
  customerId: row.customerId,
  guildId: row.guildId,
  tierId: row.tierId,
  status: row.status,
  currentPeriodEnd: row.currentPeriodEnd,
  cancelAtPeriodEnd: row.cancelAtPeriodEnd,
  externalRef: row.externalRef,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Subscriptions, and the tier they give each guild. */
export class SubscriptionRepository extends Repository {
  protected readonly name = 'subscription';

  /** Starts a subscription. */
  public create(input: {
    readonly customerId: string;
    readonly guildId: string;
    readonly tierId: string;
    readonly status: SubscriptionStatus;
    readonly currentPeriodEnd: Date;
    readonly externalRef?: string;
  }): Promise<Result<Subscription, SubscriptionFailure>> {
    return this.run('create', async () => {
      if (!isUuid(input.customerId)) return err({ code: 'CUSTOMER_NOT_FOUND' } as const);
      const attempt = await inSavepoint(this.db, (tx) =>
        tx
          .insert(subscriptions)
          .values({ ...input, externalRef: input.externalRef ?? null })
          .returning(),
      );
      if (attempt.ok) {
        const [row] = attempt.value;
        if (row === undefined) throw new Error('insert returned no row');
        return ok(toSubscription(row));
      }
      const { code, constraint } = pgErrorFields(attempt.error);
      if (code === SqlState.FOREIGN_KEY_VIOLATION) {
        return err(
          constraint?.includes('tier') === true ? { code: 'TIER_NOT_FOUND' } : { code: 'CUSTOMER_NOT_FOUND' },
        );
      }
      if (code === SqlState.UNIQUE_VIOLATION) return err({ code: 'EXTERNAL_REF_TAKEN' } as const);
      throw attempt.error;
    });
  }

  /** Records what the payment provider reported. */
  public updateStatus(
    id: string,
    change: {
      readonly status: SubscriptionStatus;
      readonly currentPeriodEnd?: Date;
      readonly cancelAtPeriodEnd?: boolean;
    },
  ): Promise<Result<Subscription, SubscriptionFailure>> {
    return this.run('updateStatus', async () => {
      if (!isUuid(id)) return err({ code: 'SUBSCRIPTION_NOT_FOUND' } as const);
      const [row] = await this.db
        .update(subscriptions)
        .set({
          status: change.status,
          ...(change.currentPeriodEnd === undefined ? {} : { currentPeriodEnd: change.currentPeriodEnd }),
          ...(change.cancelAtPeriodEnd === undefined ? {} : { cancelAtPeriodEnd: change.cancelAtPeriodEnd }),
          updatedAt: sql`now()`,
        })
        .where(eq(subscriptions.id, id))
        .returning();
      return row === undefined ? err({ code: 'SUBSCRIPTION_NOT_FOUND' } as const) : ok(toSubscription(row));
    });
  }

  /** The subscription the payment provider knows by `externalRef`, if any. */
  public findByExternalRef(externalRef: string): Promise<Subscription | undefined> {
    return this.run('findByExternalRef', async () => {
      const [row] = await this.db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.externalRef, externalRef));
      return row === undefined ? undefined : toSubscription(row);
    });
  }

  /** Every subscription of a guild, newest first. */
  public listForGuild(guildId: string): Promise<Subscription[]> {
    return this.run('listForGuild', async () => {
      const rows = await this.db
        .select()
        .from(subscriptions)
        .where(eq(subscriptions.guildId, guildId))
        .orderBy(desc(subscriptions.createdAt));
      return rows.map(toSubscription);
    });
  }

  /**
   * The highest-ranked tier the guild is entitled to at `now`, with the subscription that grants it;
   * undefined means the free tier.
   */
  public entitlement(
    guildId: string,
    now: Date,
  ): Promise<{ readonly tierId: string; readonly subscriptionId: string; readonly until: Date } | undefined> {
    return this.run('entitlement', async () => {
      const [row] = await this.db
        .select({
          tierId: subscriptions.tierId,
          subscriptionId: subscriptions.id,
          until: subscriptions.currentPeriodEnd,
        })
        .from(subscriptions)
        .innerJoin(premiumTiers, eq(premiumTiers.id, subscriptions.tierId))
        .where(
          and(
            eq(subscriptions.guildId, guildId),
            inArray(subscriptions.status, [...ENTITLING_STATUSES]),
            gt(subscriptions.currentPeriodEnd, now),
          ),
        )
        .orderBy(desc(premiumTiers.rank), desc(subscriptions.currentPeriodEnd))
        .limit(1);
      return row;
    });
  }
}
