import type { Executor } from '../executor.js';
import type { DatabaseMetrics } from '../metrics.js';
import { ApiKeyRepository } from './api-key-repository.js';
import { CustomerRepository } from './customer-repository.js';
import { DomainEventRepository } from './domain-event-repository.js';
import { FeatureFlagRepository } from './feature-flag-repository.js';
import { GuildSettingsRepository } from './guild-settings-repository.js';
import { ListeningHistoryRepository } from './listening-history-repository.js';
import { PlayerStateRepository } from './player-state-repository.js';
import { PlaylistRepository } from './playlist-repository.js';
import { PremiumTierRepository } from './premium-tier-repository.js';
import { StreamSnapshotRepository } from './stream-snapshot-repository.js';
import { SubscriptionRepository } from './subscription-repository.js';
import { WebhookSubscriptionRepository } from './webhook-subscription-repository.js';

/** Every repository, bound to one executor (the database or a transaction). */
export interface Repositories {
  readonly guildSettings: GuildSettingsRepository;
  readonly playerStates: PlayerStateRepository;
  readonly playlists: PlaylistRepository;
  readonly listeningHistory: ListeningHistoryRepository;
  readonly featureFlags: FeatureFlagRepository;
  readonly premiumTiers: PremiumTierRepository;
  readonly customers: CustomerRepository;
  readonly subscriptions: SubscriptionRepository;
  readonly webhookSubscriptions: WebhookSubscriptionRepository;
  readonly apiKeys: ApiKeyRepository;
  readonly domainEvents: DomainEventRepository;
  readonly streamSnapshots: StreamSnapshotRepository;
}

/** Builds the repositories over `db`. Cheap: called once per transaction. */
export function createRepositories(db: Executor, metrics: DatabaseMetrics): Repositories {
  return {
    guildSettings: new GuildSettingsRepository(db, metrics),
    playerStates: new PlayerStateRepository(db, metrics),
    playlists: new PlaylistRepository(db, metrics),
    listeningHistory: new ListeningHistoryRepository(db, metrics),
    featureFlags: new FeatureFlagRepository(db, metrics),
    premiumTiers: new PremiumTierRepository(db, metrics),
    customers: new CustomerRepository(db, metrics),
    subscriptions: new SubscriptionRepository(db, metrics),
    webhookSubscriptions: new WebhookSubscriptionRepository(db, metrics),
    apiKeys: new ApiKeyRepository(db, metrics),
    domainEvents: new DomainEventRepository(db, metrics),
    streamSnapshots: new StreamSnapshotRepository(db, metrics),
  };
}
