/** Engine limits and defaults, with units. */

/** One Opus frame: 20 ms of 48 kHz stereo. */
export const FRAME_DURATION_MS = 20;
/**
 * Frames rendered ahead of the pacer (500 ms): absorbs worker scheduling hiccups on a busy machine. Filter
 * and volume changes do not wait for it: they re-render all but {@link REWIND_KEEP_FRAMES} of it.
 */
export const LOOKAHEAD_FRAMES = 25;
/**
 * Refill once this few frames are queued or requested (200 ms), asking for the rest of the lookahead in one
 * message: worker round trips carry 15 frames each instead of one message per frame per player.
 */
export const REFILL_BELOW_FRAMES = 10;
/** Frames kept playing (60 ms) while the worker re-renders the lookahead after a filter or volume change. */
export const REWIND_KEEP_FRAMES = 3;
/**
 * A late timer sends missed frames back to back up to this many (200 ms of stall, which receivers' jitter
 * buffers absorb); beyond, the slots count as a deficit.
 */
export const MAX_CATCH_UP_FRAMES = 10;
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
