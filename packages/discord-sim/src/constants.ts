/** Discord's epoch (2015-01-01T00:00:00Z) in Unix milliseconds, the origin of every snowflake. */
export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** The API version the simulator speaks, on REST (`/api/v10`) and the gateway (`?v=10`). */
export const API_VERSION = 10;

/**
 * Limits the simulator enforces, each named with its unit. Defaults are Discord's; tests shorten the
 * time-based ones so a deadline can be observed in milliseconds instead of seconds.
 */
export interface SimulatorLimits {
  /** Gateway heartbeat interval sent in HELLO. */
  readonly heartbeatIntervalMs: number;
  /** Payloads a client may send on one gateway connection per {@link gatewaySendWindowMs}. */
  readonly gatewaySendsPerWindow: number;
  readonly gatewaySendWindowMs: number;
  /** Largest gateway payload a client may send, bytes (larger closes with 4002). */
  readonly gatewayMaxPayloadBytes: number;
  /** How long a disconnected session stays resumable. */
  readonly sessionResumeWindowMs: number;
  /** Dispatches kept per session for replay on RESUME. */
  readonly sessionReplayBuffer: number;
  /** Identifies allowed per rate-limit key per {@link identifyWindowMs} (`session_start_limit.max_concurrency`). */
  readonly maxConcurrency: number;
  readonly identifyWindowMs: number;
  /** Identifies per day (`session_start_limit.total`). */
  readonly sessionStartLimit: number;
  /** Shard count `/gateway/bot` recommends. */
  readonly recommendedShards: number;
  /** Guilds one shard may hold before IDENTIFY closes with 4011. */
  readonly guildsPerShard: number;
  /** REST requests per second per bot token outside interaction routes. */
  readonly globalRequestsPerSecond: number;
  /** Scale applied to every per-route bucket window (1 = Discord's; tests use less). */
  readonly bucketWindowScale: number;
  /** First interaction response deadline. */
  readonly interactionAckDeadlineMs: number;
  /** Interaction token lifetime after the interaction was created. */
  readonly interactionTokenLifetimeMs: number;
  /** Invalid requests (401, 403, 429) a client may make per {@link invalidRequestWindowMs} before it is blocked. */
  readonly invalidRequestsPerWindow: number;
  readonly invalidRequestWindowMs: number;
  /** REST requests kept for `GET /_sim/requests`. */
  readonly requestLogSize: number;
}

/** Discord's own limits. */
export const DefaultSimulatorLimits = {
  heartbeatIntervalMs: 41_250,
  gatewaySendsPerWindow: 120,
  gatewaySendWindowMs: 60_000,
  gatewayMaxPayloadBytes: 4_096,
  sessionResumeWindowMs: 5 * 60_000,
  sessionReplayBuffer: 1_000,
  maxConcurrency: 1,
  identifyWindowMs: 5_000,
  sessionStartLimit: 1_000,
  recommendedShards: 1,
  guildsPerShard: 2_500,
  globalRequestsPerSecond: 50,
  bucketWindowScale: 1,
  interactionAckDeadlineMs: 3_000,
  interactionTokenLifetimeMs: 15 * 60_000,
  invalidRequestsPerWindow: 10_000,
  invalidRequestWindowMs: 10 * 60_000,
  requestLogSize: 5_000,
} as const satisfies Required<SimulatorLimits>;

/** Message and embed limits Discord validates (characters unless said otherwise). */
export const MessageLimits = {
  contentChars: 2_000,
  embedsPerMessage: 10,
  embedTitleChars: 256,
  embedDescriptionChars: 4_096,
  embedFields: 25,
  embedFieldNameChars: 256,
  embedFieldValueChars: 1_024,
  embedFooterChars: 2_048,
  embedAuthorNameChars: 256,
  embedTotalChars: 6_000,
  actionRows: 5,
  componentsPerRow: 5,
  customIdChars: 100,
  buttonLabelChars: 80,
  selectOptions: 25,
  autocompleteChoices: 25,
  /** A modal text input's value when the bot sets no `max_length`. */
  textInputChars: 4_000,
} as const;
