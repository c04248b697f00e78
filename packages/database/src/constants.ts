/** Limits and defaults of the database package, with units in their names. */

/** Subdirectory of DATA_DIR holding the embedded PGlite database. */
export const PGLITE_SUBDIRECTORY = 'pglite';
/** Connections a service keeps to PostgreSQL at most. */
export const DEFAULT_POOL_SIZE = 10;
/** How long acquiring a PostgreSQL connection may take before the query fails. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** A statement running longer than this is cancelled by PostgreSQL (migrations excepted). */
export const STATEMENT_TIMEOUT_MS = 15_000;
/** Idle pooled connections are closed after this long. */
export const POOL_IDLE_TIMEOUT_MS = 30_000;
/** How long a starting service waits for another one that holds the migration lock. */
export const MIGRATION_LOCK_TIMEOUT_MS = 120_000;
/** Poll period while waiting for the migration lock. */
export const MIGRATION_LOCK_POLL_MS = 100;
/**
 * Key of the PostgreSQL advisory lock held while migrating (any fixed 64-bit number, shared by every
 * service of this project: "dbot" "migr" as ASCII).
 */
export const MIGRATION_ADVISORY_LOCK_KEY = 0x64626f74_6d696772n;

/** Previous tracks kept with a saved player (most recent first); older ones are dropped on save. */
export const PLAYER_PREVIOUS_TRACKS_LIMIT = 50;
/** Tracks one saved playlist may hold. */
export const PLAYLIST_TRACKS_LIMIT = 1_000;
/** Playlists one owner (user or guild) may keep. */
export const PLAYLISTS_PER_OWNER_LIMIT = 100;
/** Longest playlist name, in characters. */
export const PLAYLIST_NAME_MAX_LENGTH = 100;
/** Rows one history or event read returns at most. */
export const READ_PAGE_LIMIT = 1_000;
/** `last_used_at` of an API key is written at most this often, so a busy key does not write on every call. */
export const API_KEY_LAST_USED_RESOLUTION_MS = 60_000;
/** A webhook is switched off after this many failed deliveries in a row. */
export const WEBHOOK_MAX_CONSECUTIVE_FAILURES = 20;
/** Largest queue a guild may configure. */
export const MAX_QUEUE_LENGTH_LIMIT = 10_000;

/** What a guild without its own settings gets. */
export const DEFAULT_GUILD_SETTINGS = {
  defaultVolume: 100,
  djRoleId: null,
  announceChannelId: null,
  alwaysOn: false,
  voteSkipRatio: 0.5,
  maxQueueLength: 500,
  maxTrackDurationMs: null,
  duplicateGuard: false,
  autoplayMode: 'similar',
  language: 'en',
  premiumTier: 'free',
  defaultSearchSource: null,
} as const;

/** Search sources a guild may make its default for plain queries (`youtubemusic` is YouTube's music search). */
export const SEARCH_SOURCE_NAMES = ['youtube', 'youtubemusic', 'soundcloud', 'spotify', 'local'] as const;

/** Scope of a feature flag that applies to every guild without its own value. */
export const GLOBAL_FLAG_SCOPE = '*';
