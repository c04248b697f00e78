/** Defaults and intervals of the audio node (Lavalink's where it has one). */
export const DefaultAudioNodeOptions = {
  host: '127.0.0.1',
  port: 2333,
  musicDirs: [] as readonly string[],
  httpAllowlist: [] as readonly string[],
} as const;

/** `stats` op interval (lavalink-client drops a node that sends none for 65 s). */
export const STATS_INTERVAL_MS = 60_000;
/** `playerUpdate` interval while a track is loaded. */
export const PLAYER_UPDATE_INTERVAL_MS = 5_000;
/** WebSocket ping interval; a client that misses one ping is terminated at the next. */
export const WEBSOCKET_HEARTBEAT_INTERVAL_MS = 30_000;
/** How long shutdown waits for the engine to stop before closing anyway. */
export const SHUTDOWN_ENGINE_TIMEOUT_MS = 5_000;
/** WebSocket close code sent to clients at shutdown ("going away"). */
export const SHUTDOWN_CLOSE_CODE = 1001;
