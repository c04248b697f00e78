/**
 * Messages between the engine (main thread) and its pipeline workers. Workers decode, filter and encode;
 * the main thread owns sources, pacing and voice. Each track start bumps a generation (`gen`) so messages
 * about a track that was replaced or seeked away from are recognised and dropped.
 */
import type { ByteSeekIndex } from '../../decoders/stream-decoder.js';
import type { WavFormat } from '../../decoders/wav-header.js';
import type { Filters } from '../engine-contract.js';

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
    }
  | { readonly type: 'render'; readonly player: number; readonly gen: number; readonly frames: number }
  | { readonly type: 'stop'; readonly player: number }
  | { readonly type: 'release'; readonly player: number };

/** Per-call timings in seconds, for the engine's histograms. */
export interface RenderTimings {
  readonly decode: readonly number[];
  readonly encode: readonly number[];
}

export type FromWorker =
  | {
      readonly type: 'frames';
      readonly player: number;
      readonly gen: number;
      readonly frames: readonly Uint8Array[];
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
