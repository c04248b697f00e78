/** Engine limits and defaults, with units. */

/** One Opus frame: 20 ms of 48 kHz stereo. */
export const FRAME_DURATION_MS = 20;
/**
 * Frames rendered ahead of the pacer. Bounds how long a filter, volume or seek change takes to be heard
 * (lookahead + one render round trip), and how much a worker hiccup can be absorbed: 6 frames = 120 ms.
 */
export const LOOKAHEAD_FRAMES = 6;
/** A late timer sends missed frames back to back up to this many; beyond, the ticks count as a deficit. */
export const MAX_CATCH_UP_FRAMES = 5;
/** Opus silence frames sent after audio stops, so receivers' decoders do not interpolate. */
export const SILENCE_TAIL_FRAMES = 5;
/** Lavalink's default: a playing track with no audio for this long emits TrackStuckEvent. */
export const TRACK_STUCK_THRESHOLD_MS = 10_000;
/** A playing track nobody reads (no voice connection) for this long ends with `cleanup`, as in Lavalink. */
export const CLEANUP_THRESHOLD_MS = 60_000;
/** Reconnect backoff of a dropped radio stream: first delay, cap, and attempts before giving up. */
export const RECONNECT_BASE_DELAY_MS = 500;
export const RECONNECT_MAX_DELAY_MS = 8_000;
export const RECONNECT_MAX_ATTEMPTS = 8;
/** The Opus encoding of digital silence (a 20 ms CELT frame). */
export const OPUS_SILENCE_FRAME = Buffer.from([0xf8, 0xff, 0xfe]);
