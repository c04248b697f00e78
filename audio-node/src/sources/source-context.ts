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
}

/** Size and time limits on data fetched while loading (never applied to playback). */
export const SourceLimits = {
  /** Bytes read from an HTTP file to detect its format and read its tags. */
  probeBytes: 512 * 1024,
  /** Bytes read from a radio stream before answering (about 1 s of 128 kbit/s audio). */
  streamSniffBytes: 16 * 1024,
  /** Largest playlist file read. */
  playlistBytes: 512 * 1024,
  /** Bytes read from the end of an Ogg file to find its duration. */
  oggTailBytes: 64 * 1024,
  /** Overall time for one probe read. */
  probeTimeoutMs: 10_000,
  /** Idle timeout while playing an HTTP source. */
  playbackIdleTimeoutMs: 30_000,
} as const;
