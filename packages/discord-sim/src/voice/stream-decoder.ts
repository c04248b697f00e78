import type { OpusFrameDecoder } from './opus-frame-decoder.js';

/**
 * Frames decoded before the first one asked for when a decoder starts mid-stream, so its state (CELT overlap,
 * SILK prediction) has settled by the frames analysed: 5 frames = 100 ms.
 */
export const DECODER_WARM_UP_FRAMES = 5;

/** One received Opus frame of one RTP stream, decoded only when an analysis needs it. */
export interface ReceivedFrame {
  readonly atMs: number;
  readonly stream: StreamDecoder;
  /** Position among the frames its stream delivered: 0, 1, 2... */
  readonly index: number;
  readonly opus: Buffer;
  /** `undefined` until decoded; `null` when the frame could not be decoded. */
  pcm: Int16Array | null | undefined;
}

/**
 * The Opus decoder of one RTP stream (one SSRC of one session). Decoding is deferred to analysis time: a
 * stream nobody analyses costs no decoding, and a decoder exists only while its stream is live or analysed.
 * Opus is stateful, so frames are fed in order; after a skipped stretch the decoder restarts and warms up.
 */
export class StreamDecoder {
  private decoder: OpusFrameDecoder | null = null;
  /** Index of the frame the decoder's state follows on from; -1 when there is no decoder. */
  private expected = -1;

  public constructor(private readonly createDecoder: () => OpusFrameDecoder | null) {}

  /**
   * Decodes `frames[at]`, a frame of this stream, restarting the decoder on the frames before it when they
   * were not all decoded in order. `frames` is the monitor's history, oldest first.
   */
  public decodeAt(frames: readonly ReceivedFrame[], at: number): void {
    const frame = frames[at]!;
    if (this.expected !== frame.index) {
      this.restart();
      let from = at;
      while (
        from > 0 &&
        frames[from - 1]!.stream === this &&
        frame.index - frames[from - 1]!.index <= DECODER_WARM_UP_FRAMES
      )
        from -= 1;
      for (let i = from; i < at; i += 1) this.decoder?.decode(frames[i]!.opus);
    }
    frame.pcm = this.decoder?.decode(frame.opus) ?? null;
    this.expected = frame.index + 1;
  }

  /** Frees the decoder; a later {@link decodeAt} makes a fresh one. */
  public release(): void {
    this.decoder?.destroy();
    this.decoder = null;
    this.expected = -1;
  }

  private restart(): void {
    this.release();
    this.decoder = this.createDecoder();
  }
}
