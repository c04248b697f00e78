import { createDecoder } from '../../decoders/create-decoder.js';
import type { DecodedPcm, StreamDecoder } from '../../decoders/stream-decoder.js';
import { FilterChain } from '../../dsp/filter-chain.js';
import type { FrameEncoder } from '../../dsp/opus-encoder.js';
import { toInt16Interleaved } from '../../dsp/pcm-convert.js';
import type { Filters } from '../engine-contract.js';
import { FrameProducer, FRAME_SAMPLES } from './frame-producer.js';
import type { StartMessage } from './worker-protocol.js';

/** Bytes the sniffer wants before choosing a decoder. */
const SNIFF_BYTES = 64;
/**
 * Largest slice handed to a decoder at once: small enough that one call never holds the worker long and
 * decoded blocks stay small (0.5 s of 64 kbit/s MP3), which keeps the garbage collector quiet.
 */
const DECODE_SLICE_BYTES = 4_096;
/** Ask the main thread for more bytes when fewer than this are queued. */
export const INPUT_LOW_WATER_BYTES = 65_536;

/** Frame start marks kept for rewinding: more than the engine's lookahead. */
const REWIND_HISTORY_FRAMES = 64;

export interface RenderedBatch {
  /** Sequence number of the first frame (frames are numbered from 0 per track start). */
  readonly firstSeq: number;
  readonly frames: Uint8Array[];
  readonly positionsMs: number[];
  readonly ended: boolean;
  readonly decodeSeconds: number[];
  /** Total Opus encode time of the batch. */
  encodeSeconds: number;
}

/** One track's worker-side pipeline: queued bytes -> decoder -> skip -> frames -> filters -> volume -> Opus. */
export class TrackRenderer {
  private readonly input: Uint8Array[] = [];
  private queuedBytes = 0;
  private inputEnded = false;
  private decoder: StreamDecoder | null = null;
  private flushed = false;
  private ended = false;
  /** Freed while a render awaited an async decoder: stop without touching (or re-creating) the decoder. */
  private freed = false;
  private readonly producer = new FrameProducer();
  private readonly chain = new FilterChain();
  private readonly pcm = Buffer.alloc(FRAME_SAMPLES * 4);
  /** Source samples dropped by a decode-skip seek. */
  private skippedSamples = 0;
  private decodedSamples = 0;
  public seekIndexReported = false;
  /** Sequence number the next rendered frame gets. */
  public nextSeq = 0;
  /** Source position at the start of each recent frame, by sequence number. */
  private readonly marks = new Map<number, number>();
  private pendingMark: number | null = null;

  public constructor(
    private readonly start: StartMessage,
    private readonly encoder: FrameEncoder,
  ) {
    this.configure(start.filters, start.volume);
  }

  public get wantsInput(): boolean {
    return !this.inputEnded && this.queuedBytes < INPUT_LOW_WATER_BYTES;
  }

  public get currentDecoder(): StreamDecoder | null {
    return this.decoder;
  }

  public pushInput(chunk: Uint8Array): void {
    this.input.push(chunk);
    this.queuedBytes += chunk.length;
  }

  public endInput(): void {
    this.inputEnded = true;
  }

  public configure(filters: Filters, volume: number): void {
    this.chain.configure(filters, volume);
    this.producer.setTimescale(this.chain.timescale);
  }

  /** Renders up to `count` frames; stops early when it needs input that has not arrived. */
  public async render(count: number): Promise<RenderedBatch> {
    const batch: RenderedBatch = {
      firstSeq: this.nextSeq,
      frames: [],
      positionsMs: [],
      ended: false,
      decodeSeconds: [],
      encodeSeconds: 0,
    };
    while (batch.frames.length < count && !this.ended && !this.freed) {
      while (this.producer.bufferedSource < this.producer.sourceNeeded() && (await this.decodeMore(batch))) {
        // decode until a frame's worth of source is buffered or input runs out
      }
      const drain = this.flushed;
      if (this.producer.atFrameBoundary) this.pendingMark = this.producer.playedSource;
      if (!this.producer.next(drain)) {
        if (drain) this.ended = true;
        break;
      }
      this.chain.process(this.producer.left, this.producer.right);
      const started = performance.now();
      const { from, to } = this.chain.gainRamp();
      const packet = this.encoder.encode(
        toInt16Interleaved(this.producer.left, this.producer.right, this.pcm, from, to),
      );
      batch.encodeSeconds += (performance.now() - started) / 1000;
      batch.frames.push(packet);
      batch.positionsMs.push(this.positionMs());
      this.remember(this.nextSeq++);
    }
    return { ...batch, ended: this.ended };
  }

  /**
   * Re-renders from frame `seq` on (after a filter or volume change, so frames rendered ahead with the old
   * settings are replaced). False when that frame's audio is no longer retained.
   */
  public rewind(seq: number): boolean {
    const mark = this.marks.get(seq);
    if (mark === undefined || !this.producer.rewind(mark)) return false;
    // The last frames may be re-rendered too: the retained audio outlives the end of the input.
    this.ended = false;
    for (const later of this.marks.keys()) if (later >= seq) this.marks.delete(later);
    this.nextSeq = seq;
    return true;
  }

  public free(): void {
    this.freed = true;
    this.decoder?.free();
    this.decoder = null;
  }

  private remember(seq: number): void {
    if (this.pendingMark !== null) this.marks.set(seq, this.pendingMark);
    this.pendingMark = null;
    this.marks.delete(seq - REWIND_HISTORY_FRAMES);
  }

  private positionMs(): number {
    const rate = this.producer.rate;
    if (rate === 0) return this.start.basePositionMs;
    return this.start.basePositionMs + ((this.skippedSamples + this.producer.playedSource) / rate) * 1000;
  }

  /** Decodes the next slice of input; false when nothing more can be decoded now. */
  private async decodeMore(batch: RenderedBatch): Promise<boolean> {
    if (this.flushed || this.freed) return false;
    if (this.decoder === null) {
      if (this.queuedBytes < SNIFF_BYTES && !this.inputEnded) return false;
      const head = this.input[0] ?? new Uint8Array(0);
      const request = { format: this.start.format, head };
      const created = await createDecoder(
        this.start.wavContinuation === undefined
          ? request
          : { ...request, wavContinuation: this.start.wavContinuation },
      );
      if (this.freed) {
        created.free();
        return false;
      }
      this.decoder = created;
    }
    const slice = this.takeSlice();
    const started = performance.now();
    let pcm: DecodedPcm | null;
    if (slice !== null) pcm = await this.decoder.decode(slice);
    else if (this.inputEnded) {
      pcm = await this.decoder.flush();
      this.flushed = true;
    } else if (this.decoder.latent === true) {
      pcm = await this.decoder.decode(new Uint8Array(0));
      if (pcm === null) return false;
    } else return false;
    batch.decodeSeconds.push((performance.now() - started) / 1000);
    if (pcm !== null) this.accept(pcm);
    return true;
  }

  private takeSlice(): Uint8Array | null {
    const first = this.input[0];
    if (first === undefined) return null;
    if (first.length <= DECODE_SLICE_BYTES) this.input.shift();
    else this.input[0] = first.subarray(DECODE_SLICE_BYTES);
    const slice = first.subarray(0, DECODE_SLICE_BYTES);
    this.queuedBytes -= slice.length;
    return slice;
  }

  /** Feeds decoded PCM to the producer, dropping what lies before a decode-skip target. */
  private accept(pcm: DecodedPcm): void {
    const length = pcm.channels[0]?.length ?? 0;
    const skipTo = ((this.start.skipToMs - this.start.basePositionMs) / 1000) * pcm.sampleRate;
    const drop = Math.max(0, Math.min(length, Math.round(skipTo) - this.decodedSamples));
    this.decodedSamples += length;
    this.skippedSamples += drop;
    if (drop === length) return;
    const channels = drop === 0 ? pcm.channels : pcm.channels.map((channel) => channel.subarray(drop));
    this.producer.push(channels, pcm.sampleRate);
  }
}
