/** Tunables of the audio service; defaults in {@link DefaultAudioServiceOptions}. */
export interface AudioServiceOptions {
  /** Leave when no one else is in the voice channel for this long (unless 24/7). */
  readonly aloneTimeoutMs: number;
  /** Leave when nothing has played for this long after the queue ended (unless 24/7). */
  readonly idleTimeoutMs: number;
  /** How often the position of playing players is saved and a progress event published. */
  readonly progressIntervalMs: number;
  /** Tracks failing one after the other before the player stops. */
  readonly maxConsecutiveFailures: number;
  /** How long a new voice connection may take before the track is sent to the node anyway. */
  readonly voiceReadyTimeoutMs: number;
  /**
   * A lost audio node is reconnected to for as long as it takes (players wait for it): the pause before the
   * first attempt, doubled after each failed one up to the longest pause.
   */
  readonly nodeRetryDelayMs: number;
  readonly nodeRetryMaxDelayMs: number;
  /** Several replicas: how long a guild lease lives unrenewed, how often it is renewed, and how often a
   * replica looks for guilds whose owner died. Takeover happens within `guildLeaseMs + takeoverScanMs`. */
  readonly guildLeaseMs: number;
  readonly guildLeaseRenewMs: number;
  readonly takeoverScanMs: number;
  /**
   * Nodes that outlive the service (LAVALINK_NODES): how long a node keeps the session and its players
   * playing after the service went away (Lavalink resume timeout, seconds), and how long a starting service
   * waits for a node to answer its resume.
   */
  readonly nodeResumeTimeoutS: number;
  readonly nodeResumeWaitMs: number;
}

/**
 * Alone 2 min, idle 5 min (the defaults, which the configuration's `AUDIO_*_TIMEOUT_SECONDS` replace
 * when started by `startAudio`); progress and position saves every 5 s; a lost node tried again after 1 s, then
 * 2, 4, 8 and every 10 s.
 */
export const DefaultAudioServiceOptions = {
  aloneTimeoutMs: 120_000,
  idleTimeoutMs: 300_000,
  progressIntervalMs: 5_000,
  maxConsecutiveFailures: 3,
  voiceReadyTimeoutMs: 5_000,
  nodeRetryDelayMs: 1_000,
  nodeRetryMaxDelayMs: 10_000,
  guildLeaseMs: 5_000,
  guildLeaseRenewMs: 1_500,
  takeoverScanMs: 2_000,
  nodeResumeTimeoutS: 60,
  nodeResumeWaitMs: 10_000,
} as const satisfies Required<AudioServiceOptions>;
