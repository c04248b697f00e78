/** Channel names of the specification: one Redis key (stream or pub/sub channel) each, before any prefix. */
export const CHANNELS = {
  /** Gateway -> audio: music commands with request/reply (Redis Stream + consumer group). */
  commands: 'discord-bot:commands',
  /** Discord voice events -> audio (Redis Stream, fan-out, catch-up after a reconnect). */
  toAudio: 'discord-bot:to-audio',
  /** Audio -> gateway: gateway payloads to send on a shard (Redis Stream, fan-out). */
  toDiscord: 'discord-bot:to-discord',
  /** Audio -> gateway and API: live player state (pub/sub: loss tolerable, latency not). */
  uiNow: 'discord-bot:ui:now',
} as const;

export type ChannelName = (typeof CHANNELS)[keyof typeof CHANNELS];

/** How long a sender waits for a reply by default; below Discord's 3 s acknowledgement window. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 2_500;

/** How long a command id is remembered for duplicate suppression and replayed replies. */
export const IDEMPOTENCY_TTL_MS = 15 * 60_000;

/** A pending command untouched this long is presumed abandoned by a dead consumer and reclaimed. */
export const CLAIM_IDLE_MS = 30_000;

/** How long one blocking stream read waits before looping (bounds shutdown latency). */
export const STREAM_BLOCK_MS = 1_000;

/** Commands read per stream round trip. */
export const STREAM_READ_COUNT = 64;

/**
 * How long answered commands wait to be acknowledged together (one round trip per batch, after the reply).
 * Their replies are stored first, so one reclaimed before its acknowledgement is replayed, not run again.
 */
export const ACK_BATCH_MS = 10;

/** Commands being executed at once by one consumer (across guilds; one per guild at a time). */
export const MAX_IN_FLIGHT_COMMANDS = 256;

/** Approximate length kept for fan-out streams (to-audio, to-discord): enough to cover a reconnect. */
export const FANOUT_STREAM_MAX_LENGTH = 10_000;

/** Pause after a failed read before retrying while Redis is unreachable. */
export const RETRY_DELAY_MS = 250;

/** Maximum length of a free-text query (a search or a URL). */
export const MAX_QUERY_LENGTH = 1_000;

/** Most results one `search` answers (Discord shows at most 25 autocomplete choices). */
export const MAX_SEARCH_RESULTS = 25;

/** Volume bounds, in percent. */
export const MIN_VOLUME_PERCENT = 0;
export const MAX_VOLUME_PERCENT = 200;

/** Largest page of a queue view. */
export const MAX_QUEUE_PAGE_SIZE = 25;
export const DEFAULT_QUEUE_PAGE_SIZE = 10;

/** Tunables of a command bus, with their defaults in {@link DefaultCommandBusOptions}. */
export interface CommandBusTuning {
  /** How long `CommandSender.request` waits for a reply. */
  readonly requestTimeoutMs: number;
  /** How long a command id is remembered. */
  readonly idempotencyTtlMs: number;
  /** Idle time after which another consumer takes over a pending command. */
  readonly claimIdleMs: number;
  /** How long one blocking read waits. */
  readonly blockMs: number;
  /** Commands fetched per read. */
  readonly readCount: number;
  /** Commands held (queued or running) by one consumer. */
  readonly maxInFlight: number;
  /** Validate replies against the command's result schema on the sender (costs one parse per reply). */
  readonly validateReplies: boolean;
}

export const DefaultCommandBusOptions = {
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  idempotencyTtlMs: IDEMPOTENCY_TTL_MS,
  claimIdleMs: CLAIM_IDLE_MS,
  blockMs: STREAM_BLOCK_MS,
  readCount: STREAM_READ_COUNT,
  maxInFlight: MAX_IN_FLIGHT_COMMANDS,
  validateReplies: true,
} as const satisfies Required<CommandBusTuning>;
