import type { Logger } from '@discord-bot/logger';
import type { HttpAllowlist } from '../security/http-allowlist.js';
import type { HostResolver } from '../security/safe-fetch.js';
import type { ArtworkStore } from './artwork-store.js';

/** What every source needs, built once at start. */
export interface SourceContext {
  readonly allowlist: HttpAllowlist;
  readonly resolver: HostResolver;
  /** Real paths of the configured music directories. */
  readonly musicDirs: readonly string[];
  /** Path of an `ffmpeg` executable, `null` when none is on PATH. */
  readonly ffmpegPath: string | null;
  readonly logger: Logger;
  /** Embedded cover art of local files, served by the node. */
  readonly artwork: ArtworkStore;
  readonly limits: SourceLimits;
}

/** Size and time limits on data fetched while loading (never applied to playback, except the idle timeout). */
export interface SourceLimits {
  /** Bytes read from an HTTP file to detect its format and read its tags. */
  readonly probeBytes: number;
  /** Bytes read from a radio stream before answering. */
  readonly streamSniffBytes: number;
  /** Largest playlist file read, HTTP or local; a larger one is a `SOURCE_TOO_LARGE` load error. */
  readonly playlistBytes: number;
  /** Bytes read from the end of an Ogg file to find its duration. */
  readonly oggTailBytes: number;
  /**
   * While loading, no byte for this long (connecting, headers or body), or a read of the body lasting
   * longer, is a `SOURCE_TIMEOUT` load error: a server that stalls or trickles cannot hold a load open.
   */
  readonly probeTimeoutMs: number;
  /** Idle timeout while playing an HTTP source. */
  readonly playbackIdleTimeoutMs: number;
}

/** The limits a node runs with unless told otherwise (tests make them small). */
export const DefaultSourceLimits = {
  probeBytes: 512 * 1024,
  /** About 1 s of 128 kbit/s audio. */
  streamSniffBytes: 16 * 1024,
  playlistBytes: 512 * 1024,
  oggTailBytes: 64 * 1024,
  probeTimeoutMs: 10_000,
  playbackIdleTimeoutMs: 30_000,
} as const satisfies SourceLimits;
