/** How long a command waits for the audio service once the interaction is deferred (Discord allows 15 min). */
export const PLAYER_REQUEST_TIMEOUT_MS = 8_000;

/** How long a command that must answer before Discord's 3 s deadline (autocomplete) waits for the player. */
export const FAST_REQUEST_TIMEOUT_MS = 1_500;

/** At most one edit of a now-playing message per this interval (Discord allows 5 edits per 5 s per channel). */
export const NOW_PLAYING_EDIT_INTERVAL_MS = 5_000;

/** Width of the text progress bar, in characters. */
export const PROGRESS_BAR_WIDTH = 16;

/** Tracks per queue page in `/queue`. */
export const QUEUE_PAGE_SIZE = 10;

/** How long a guild's DJ role is cached before it is read from the database again. */
export const GUILD_POLICY_CACHE_MS = 30_000;

/** File in DATA_DIR holding the fingerprint of the last registered command set. */
export const COMMAND_FINGERPRINT_FILE = 'gateway-commands.json';

/** Longest query `/play` accepts (the message contract's own ceiling is 1,000). */
export const MAX_PLAY_QUERY_LENGTH = 500;
