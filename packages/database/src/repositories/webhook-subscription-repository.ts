import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '@discord-bot/errors';
import { and, arrayOverlaps, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { WEBHOOK_MAX_CONSECUTIVE_FAILURES } from '../constants.js';
import { webhookSubscriptions } from '../schema/webhook-subscriptions.js';
import { Repository } from './repository.js';
import { isUuid } from './uuid.js';

/** Event name that subscribes to every event. */
export const ALL_WEBHOOK_EVENTS = '*';

/** A webhook subscription as listed to its owner: the secret is never part of it. */
export interface WebhookSubscription {
  readonly id: string;
  readonly guildId: string | null;
  readonly url: string;
  readonly events: readonly string[];
  readonly active: boolean;
  readonly consecutiveFailures: number;
  readonly lastDeliveryAt: Date | null;
  readonly createdAt: Date;
}

/** What the delivery worker needs to send and sign one event. */
export interface WebhookTarget {
  readonly id: string;
  readonly url: string;
  /** HMAC-SHA256 key for the signature header. */
  readonly secret: string;
}

/** Expected ways creating a webhook fails. */
export type WebhookFailure =
  | { readonly code: 'WEBHOOK_URL_INVALID' }
  | { readonly code: 'WEBHOOK_EVENTS_EMPTY' }
  | { readonly code: 'WEBHOOK_NOT_FOUND' };

type Row = typeof webhookSubscriptions.$inferSelect;

const toSubscription = (row: Row): WebhookSubscription => ({
  id: row.id,
  guildId: row.guildId,
  url: row.url,
  events: row.events,
  active: row.active,
  consecutiveFailures: row.consecutiveFailures,
  lastDeliveryAt: row.lastDeliveryAt,
  createdAt: row.createdAt,
});

function isDeliverableUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      (parsed.protocol === 'https:' || parsed.protocol === 'http:') &&
      parsed.username === '' &&
      parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** 32 random bytes, base64url: the signing secret handed to the subscriber once. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Webhook subscriptions. The signing secret must be readable to sign deliveries, so it is stored as is
 * (protect the database accordingly); it leaves this repository only through {@link create},
 * {@link rotateSecret} (shown once to the owner) and {@link targetsFor} (the delivery worker).
 */
export class WebhookSubscriptionRepository extends Repository {
  protected readonly name = 'webhook_subscription';

  /** Subscribes `url` to `events` (or {@link ALL_WEBHOOK_EVENTS}); returns the secret once. */
  public create(input: {
    readonly guildId: string | null;
    readonly url: string;
    readonly events: readonly string[];
  }): Promise<
    Result<{ readonly subscription: WebhookSubscription; readonly secret: string }, WebhookFailure>
  > {
    return this.run('create', async () => {
      if (!isDeliverableUrl(input.url)) return err({ code: 'WEBHOOK_URL_INVALID' } as const);
      const events = [...new Set(input.events)].sort();
      if (events.length === 0) return err({ code: 'WEBHOOK_EVENTS_EMPTY' } as const);
      const secret = newSecret();
      const [row] = await this.db
        .insert(webhookSubscriptions)
        .values({ guildId: input.guildId, url: input.url, events, secret })
        .returning();
      if (row === undefined) throw new Error('insert returned no row');
      return ok({ subscription: toSubscription(row), secret });
    });
  }

  /** A guild's subscriptions (platform-wide ones with `null`). */
  public list(guildId: string | null): Promise<WebhookSubscription[]> {
    return this.run('list', async () => {
      const rows = await this.db
        .select()
        .from(webhookSubscriptions)
        .where(
          guildId === null ? isNull(webhookSubscriptions.guildId) : eq(webhookSubscriptions.guildId, guildId),
        )
        .orderBy(asc(webhookSubscriptions.createdAt));
      return rows.map(toSubscription);
    });
  }

  /** Active endpoints that want `event` from `guildId`: the guild's own and the platform-wide ones. */
  public targetsFor(event: string, guildId: string): Promise<WebhookTarget[]> {
    return this.run('targetsFor', () =>
      this.db
        .select({
          id: webhookSubscriptions.id,
          url: webhookSubscriptions.url,
          secret: webhookSubscriptions.secret,
        })
        .from(webhookSubscriptions)
        .where(
          and(
            eq(webhookSubscriptions.active, true),
            or(isNull(webhookSubscriptions.guildId), eq(webhookSubscriptions.guildId, guildId)),
            arrayOverlaps(webhookSubscriptions.events, [event, ALL_WEBHOOK_EVENTS]),
          ),
        ),
    );
  }

  /**
   * Records a delivery attempt. Failures in a row are counted; at {@link WEBHOOK_MAX_CONSECUTIVE_FAILURES}
   * the subscription is switched off. Returns whether it is still active.
   */
  public recordDelivery(
    id: string,
    outcome: { readonly ok: boolean; readonly at: Date },
  ): Promise<Result<{ readonly active: boolean }, WebhookFailure>> {
    return this.run('recordDelivery', async () => {
      if (!isUuid(id)) return err({ code: 'WEBHOOK_NOT_FOUND' } as const);
      const failures = outcome.ok ? sql`0` : sql`${webhookSubscriptions.consecutiveFailures} + 1`;
      const [row] = await this.db
        .update(webhookSubscriptions)
        .set({
          consecutiveFailures: failures,
          lastDeliveryAt: outcome.at,
          active: outcome.ok
            ? sql`${webhookSubscriptions.active}`
            : sql`${webhookSubscriptions.active} and ${failures} < ${WEBHOOK_MAX_CONSECUTIVE_FAILURES}`,
        })
        .where(eq(webhookSubscriptions.id, id))
        .returning({ active: webhookSubscriptions.active });
      return row === undefined ? err({ code: 'WEBHOOK_NOT_FOUND' } as const) : ok(row);
    });
  }

  /** Switches a subscription on (resetting its failure count) or off. */
  public setActive(id: string, active: boolean): Promise<boolean> {
    return this.run('setActive', async () => {
      if (!isUuid(id)) return false;
      const rows = await this.db
        .update(webhookSubscriptions)
        .set({ active, ...(active ? { consecutiveFailures: 0 } : {}) })
        .where(eq(webhookSubscriptions.id, id))
        .returning({ id: webhookSubscriptions.id });
      return rows.length > 0;
    });
  }

  /** Replaces the signing secret; returns the new one once. */
  public rotateSecret(id: string): Promise<Result<{ readonly secret: string }, WebhookFailure>> {
    return this.run('rotateSecret', async () => {
      if (!isUuid(id)) return err({ code: 'WEBHOOK_NOT_FOUND' } as const);
      const secret = newSecret();
      const rows = await this.db
        .update(webhookSubscriptions)
        .set({ secret })
        .where(eq(webhookSubscriptions.id, id))
        .returning({ id: webhookSubscriptions.id });
      return rows.length === 0 ? err({ code: 'WEBHOOK_NOT_FOUND' } as const) : ok({ secret });
    });
  }

  /** Deletes a subscription. */
  public delete(id: string): Promise<boolean> {
    return this.run('delete', async () => {
      if (!isUuid(id)) return false;
      const rows = await this.db
        .delete(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, id))
        .returning({ id: webhookSubscriptions.id });
      return rows.length > 0;
    });
  }
}
