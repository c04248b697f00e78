/**
 * Messages between the engine (main thread) and its pipeline workers. Workers decode, filter and encode;
 * the main thread owns sources, pacing and voice. Each track start, seek or reconnect bumps a generation
 * (`gen`) so messages about a stream that was replaced are recognised and dropped; each filter change bumps a
 * render epoch, so frames rendered ahead with old settings are dropped and rendered again.
 */
import type { ByteSeekIndex } from '../../decoders/stream-decoder.js';
import type { WavFormat } from '../../decoders/wav-header.js';
import type { Filters } from '../engine-contract.js';

/** Settings a pipeline worker starts with (`workerData`). */
export interface PipelineWorkerData {
  /** ffmpeg binary for containers without a built-in decoder; `undefined` searches PATH, `null` disables. */
  readonly ffmpegPath: string | null | undefined;
  /** Forces an Opus implementation; by default the native one, falling back to opusscript. */
  readonly opus: 'native' | 'opusscript' | undefined;
}

export interface StartMessage {
  readonly type: 'start';
  readonly player: number;
  readonly gen: number;
  readonly format: string;
  /** Source position of the first byte that will arrive. */
  readonly basePositionMs: number;
  /** Decode and drop audio until this source position (seek without a byte index). */
  readonly skipToMs: number;
  /** Set when the bytes continue a WAV data chunk from a byte offset (no header). */
  readonly wavContinuation?: WavFormat;
  readonly filters: Filters;
  readonly volume: number;
}

export type ToWorker =
  | StartMessage
  | { readonly type: 'input'; readonly player: number; readonly gen: number; readonly chunk: Uint8Array }
  | { readonly type: 'inputEnd'; readonly player: number; readonly gen: number }
  | {
      readonly type: 'configure';
      readonly player: number;
      readonly filters: Filters;
      readonly volume: number;
      /** Re-render from frame `fromSeq` on under a new render epoch (frames of older epochs are stale). */
      readonly rewind?: { readonly epoch: number; readonly fromSeq: number };
    }
  | {
      readonly type: 'render';
      readonly player: number;
      readonly gen: number;
      readonly epoch: number;
      /** Render until this frame sequence number (inclusive) has been produced. */
      readonly upTo: number;
    }
  | { readonly type: 'stop'; readonly player: number }
  | { readonly type: 'release'; readonly player: number }
  /** Frees everything and exits between tasks (never mid-encode, which `terminate()` could interrupt). */
  | { readonly type: 'shutdown'; readonly player: 0 };

/**
 * What crosses the thread boundary: a few messages, in order. To a worker, everything the main thread sent it
 * in one task (a clock tick's render requests for all its players: one hand-off and one wake-up instead of
 * one each); from a worker, the messages its passes finished within a few milliseconds of each other.
 */
export type ToWorkerBatch = readonly ToWorker[];
export type FromWorkerBatch = readonly FromWorker[];

/**
 * Sends one message to a player's worker; `transfer` lists buffers handed over instead of copied (the
 * sender must not touch them afterwards).
 */
export type SendToWorker = (message: ToWorker, transfer?: readonly ArrayBuffer[]) => void;

/** Per-call timings in seconds, for the engine's histograms. */
export interface RenderTimings {
  readonly decode: readonly number[];
  /** Mean Opus encode time per frame in this batch (one observation per batch keeps messages small). */
  readonly encodePerFrame: number | null;
}

export type FromWorker =
  | {
      readonly type: 'frames';
      readonly player: number;
      readonly gen: number;
      readonly epoch: number;
      readonly firstSeq: number;
      /** The frames' Opus packets back to back, in a transferred buffer (one copy-free hand-off per batch). */
      readonly packed: Uint8Array;
      /** Byte length of each frame in `packed`. */
      readonly lengths: readonly number[];
      /** Source position (ms) at the end of each frame. */
      readonly positionsMs: readonly number[];
      /** The track's audio is exhausted: no frame follows the last one. */
      readonly ended: boolean;
      readonly timings: RenderTimings;
    }
  | { readonly type: 'needInput'; readonly player: number; readonly gen: number }
  | {
      readonly type: 'seekIndex';
      readonly player: number;
      readonly gen: number;
      readonly index: ByteSeekIndex;
      readonly wavFormat: WavFormat | null;
    }
  | {
      readonly type: 'error';
      readonly player: number;
      readonly gen: number;
      readonly code: string;
      readonly message: string;
    };
