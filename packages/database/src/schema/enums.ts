import { pgEnum } from 'drizzle-orm/pg-core';

/** How autoplay picks the next track when the queue runs dry. */
export const autoplayModeEnum = pgEnum('autoplay_mode', ['similar', 'artist', 'genre', 'mixed']);

/** What the player repeats. */
export const loopModeEnum = pgEnum('loop_mode', ['off', 'track', 'queue']);

/** Who a saved playlist belongs to. */
export const playlistOwnerTypeEnum = pgEnum('playlist_owner_type', ['user', 'guild']);

/** How a track stopped playing. */
export const playOutcomeEnum = pgEnum('play_outcome', ['finished', 'skipped', 'stopped', 'failed']);

/** Lifecycle of a paid subscription, mirroring what payment providers report. */
export const subscriptionStatusEnum = pgEnum('subscription_status', [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'expired',
]);
