export { createDatabase, pgliteDirectory, type CreateDatabaseOptions } from './create-database.js';
export { openDatabase, type Database, type OpenDatabaseOptions } from './database.js';
export type { DatabaseBackend, Driver, MigrationReport } from './driver/driver.js';
export { openPostgresDriver, type PostgresDriverOptions } from './driver/postgres-driver.js';
export { openPgliteDriver, type PgliteDriverOptions } from './driver/pglite-driver.js';
export { MIGRATIONS_FOLDER } from './migrations-folder.js';
export { createDatabaseMetrics, type DatabaseMetrics } from './metrics.js';
export type { Executor } from './executor.js';
export * from './constants.js';

export { DatabaseError, type DatabaseErrorCode, type DatabaseErrorOptions } from './errors/database-error.js';
export { ConcurrencyError } from './errors/concurrency-error.js';

export type { StoredTrack, StoredTrackInfo, TrackRequester } from './model/stored-track.js';
export {
  generateApiKeyToken,
  hashApiKeyToken,
  parseApiKeyToken,
  API_KEY_TOKEN_PREFIX,
  type NewApiKeyToken,
} from './api-key-token.js';

export { createRepositories, type Repositories } from './repositories/repositories.js';
export { GuildSettingsRepository } from './repositories/guild-settings-repository.js';
export type {
  GuildSettings,
  GuildSettingsPatch,
  AutoplayMode,
  SearchSourceName,
} from './repositories/guild-settings-types.js';
export type { SettingsValidationFailure } from './repositories/guild-settings-validation.js';
export {
  PlayerStateRepository,
  type PlayerState,
  type PersistedPlayerState,
  type SavePlayerStateOutcome,
  type LoopMode,
} from './repositories/player-state-repository.js';
export { PlaylistRepository } from './repositories/playlist-repository.js';
export type {
  Playlist,
  PlaylistEntry,
  PlaylistFailure,
  PlaylistOwner,
} from './repositories/playlist-types.js';
export {
  ListeningHistoryRepository,
  trackKeyOf,
  type PlayRecord,
  type PlayOutcome,
  type HistoryEntry,
  type HistoryPage,
  type TrackPlayCount,
} from './repositories/listening-history-repository.js';
export {
  FeatureFlagRepository,
  type FeatureFlag,
  type ResolvedFeatureFlag,
} from './repositories/feature-flag-repository.js';
export { PremiumTierRepository, type PremiumTier } from './repositories/premium-tier-repository.js';
export type { PremiumTierLimits } from './schema/premium-tiers.js';
export { CustomerRepository, type Customer } from './repositories/customer-repository.js';
export {
  SubscriptionRepository,
  ENTITLING_STATUSES,
  type Subscription,
  type SubscriptionFailure,
  type SubscriptionStatus,
} from './repositories/subscription-repository.js';
export {
  WebhookSubscriptionRepository,
  ALL_WEBHOOK_EVENTS,
  type WebhookSubscription,
  type WebhookTarget,
  type WebhookFailure,
} from './repositories/webhook-subscription-repository.js';
export { ApiKeyRepository, type ApiKey, type ApiKeyRejection } from './repositories/api-key-repository.js';
export { DomainEventRepository } from './repositories/domain-event-repository.js';
export type { NewDomainEvent, RecordedDomainEvent, AppendResult } from './repositories/event-types.js';
export { StreamSnapshotRepository, type StreamSnapshot } from './repositories/stream-snapshot-repository.js';
