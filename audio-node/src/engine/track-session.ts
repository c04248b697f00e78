import type { Readable } from 'node:stream';
import type { Logger } from '@discord-bot/logger';
import type { ByteSeekIndex } from '../decoders/stream-decoder.js';
import type { WavFormat } from '../decoders/wav-header.js';
import { LOOKAHEAD_FRAMES, REFILL_BELOW_FRAMES, REWIND_KEEP_FRAMES } from './constants.js';
import type { EngineException, EngineTrack, Filters, OpenedInput } from './engine-contract.js';
import type { EngineMetrics } from './engine-metrics.js';
import { InputPump } from './input-pump.js';
import { ReconnectBackoff } from './reconnect-backoff.js';
import type { FromWorker, SendToWorker } from './worker/worker-protocol.js';

/** One encoded frame ready to send, with the source position at its end. */
export interface QueuedFrame {
  readonly opus: Buffer;
  readonly positionMs: number;
  readonly seq: number;
  /** Source generation: after a radio reconnect the queue still holds frames of the previous one. */
  readonly gen: number;
}

export interface TrackSessionOptions {
  readonly track: EngineTrack;
  readonly playerId: number;
  readonly send: SendToWorker;
  readonly metrics: EngineMetrics;
  readonly logger: Logger;
  readonly filters: Filters;
  readonly volume: number;
  /** The track cannot go on (load failure, decoder error, stream gone for good). */
  readonly onFatal: (exception: EngineException) => void;
  /** Frames arrived from the worker (the player may start before its clock's next slot). */
  readonly onFrames?: () => void;
}

function exception(message: string, cause: unknown, severity: EngineException['severity']): EngineException {
  const error = cause instanceof Error ? cause : new Error(String(cause));
  return { message, severity, cause: `${error.name}: ${error.message}`, causeStackTrace: error.stack ?? '' };
}

/**
 * The main-thread half of playing one track: opens the source, feeds its bytes to the player's worker on
 * demand (backpressure both ways), keeps at most {@link LOOKAHEAD_FRAMES} encoded frames ahead, and
 * handles seeks (by byte offset when the format allows) and radio reconnects.
 */
export class TrackSession {
  private gen = 0;
  /** Render epoch within the generation: bumped by each filter/volume change that re-renders. */
  private epoch = 0;
  private readonly queue: QueuedFrame[] = [];
  /** Sequence number of the next frame expected from the worker. */
  private nextSeq = 0;
  /** Highest frame sequence number asked for. */
  private requestedUpTo = -1;
  private filters: Filters;
  private volume: number;
  /** Frames dropped by the last re-render request, restored if the worker could not re-render them. */
  private replaced: QueuedFrame[] = [];
  private ended = false;
  private closed = false;
  /** The worker was told to start the current generation (render requests before that would be dropped). */
  private started = false;
  private input: InputPump | null = null;
  private seekIndex: { index: ByteSeekIndex; wavFormat: WavFormat | null } | null = null;
  private readonly backoff = new ReconnectBackoff();
  private reconnectTimer: NodeJS.Timeout | null = null;
  private lastPositionMs = 0;
  private static nextGen = 1;

  public constructor(private readonly options: TrackSessionOptions) {
    this.filters = options.filters;
    this.volume = options.volume;
  }

  /** The worker delivered the last frame and the queue is empty. */
  public get finished(): boolean {
    return this.ended && this.queue.length === 0;
  }

  public get seekable(): boolean {
    return this.options.track.isSeekable;
  }

  public get buffered(): number {
    return this.queue.length;
  }

  public start(positionMs: number): void {
    void this.openAt(positionMs);
  }

  /** Live streams cannot seek; the request is ignored (position keeps following the stream). */
  public seek(positionMs: number): void {
    if (!this.options.track.isSeekable) return;
    this.queue.length = 0;
    void this.openAt(positionMs);
  }

  /**
   * Applies new filters/volume within a few frames: keeps {@link REWIND_KEEP_FRAMES} queued frames to play
   * while the worker re-renders the rest of the lookahead from the same audio with the new settings.
   */
  public configure(filters: Filters, volume: number): void {
    this.filters = filters;
    this.volume = volume;
    const { playerId, send } = this.options;
    if (!this.started || this.ended) {
      send({ type: 'configure', player: playerId, filters, volume });
      return;
    }
    // Frames of an earlier generation (before a reconnect) cannot be re-rendered: they play as they are.
    let cut = REWIND_KEEP_FRAMES;
    while (cut < this.queue.length && this.queue[cut]?.gen !== this.gen) cut++;
    const fromSeq = this.queue[cut]?.seq ?? this.nextSeq;
    // Kept aside until the worker answers: if it can no longer re-render them, they play as they are.
    // Back-to-back changes merge what each dropped (first copy of each frame wins).
    const bySeq = new Map<number, QueuedFrame>();
    for (const frame of [...this.queue.splice(cut), ...this.replaced])
      if (!bySeq.has(frame.seq)) bySeq.set(frame.seq, frame);
    this.replaced = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    this.epoch++;
    this.nextSeq = fromSeq;
    this.requestedUpTo = fromSeq - 1;
    send({ type: 'configure', player: playerId, filters, volume, rewind: { epoch: this.epoch, fromSeq } });
    this.refill();
  }

  public take(): QueuedFrame | null {
    const frame = this.queue.shift() ?? null;
    this.refill();
    return frame;
  }

  public onWorkerMessage(message: FromWorker): void {
    if (this.closed || (message.gen !== this.gen && message.gen !== -1)) return;
    switch (message.type) {
      case 'frames':
        this.options.metrics.observe(message.timings);
        if (message.epoch !== this.epoch) return;
        this.accept(message);
        if (message.lengths.length > 0) this.backoff.reset();
        this.lastPositionMs = this.queue.at(-1)?.positionMs ?? this.lastPositionMs;
        if (message.ended) this.onSourceEnded();
        this.refill();
        if (message.lengths.length > 0) this.options.onFrames?.();
        return;
      case 'needInput':
        this.input?.resume();
        return;
      case 'seekIndex':
        // Only the first open sees the file from byte 0; later ones (after seeks) report offsets from there.
        this.seekIndex ??= { index: message.index, wavFormat: message.wavFormat };
        return;
      case 'error':
        this.fail(`${message.code}: ${message.message}`, new Error(message.message));
        return;
    }
  }

  public close(): void {
    this.closed = true;
    this.gen = -2;
    this.queue.length = 0;
    this.dropInput();
    if (this.reconnectTimer !== null) clearTimeout(this.reconnectTimer);
    this.options.send({ type: 'stop', player: this.options.playerId });
  }

  private accept(message: Extract<FromWorker, { type: 'frames' }>): void {
    const { packed, lengths, positionsMs, firstSeq } = message;
    // The first answer to a re-render: a jump past the rewind point means that audio was gone, so the
    // frames it would have replaced play with the old settings rather than leave a hole.
    for (const frame of this.replaced) {
      if (frame.seq < this.nextSeq || frame.seq >= firstSeq) continue;
      this.queue.push(frame);
      this.nextSeq = frame.seq + 1;
    }
    this.replaced = [];
    const bytes = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
    let offset = 0;
    lengths.forEach((length, index) => {
      const seq = firstSeq + index;
      const opus = bytes.subarray(offset, offset + length);
      offset += length;
      // Older numbers were already received; a jump forward means a rewind found its audio gone.
      if (seq < this.nextSeq) return;
      this.queue.push({ opus, positionMs: positionsMs[index] ?? this.lastPositionMs, seq, gen: this.gen });
      this.nextSeq = seq + 1;
    });
  }

  private refill(): void {
    if (this.ended || this.closed || !this.started) return;
    const inFlight = Math.max(0, this.requestedUpTo - this.nextSeq + 1);
    if (this.queue.length + inFlight > REFILL_BELOW_FRAMES) return;
    this.requestedUpTo = this.nextSeq - 1 + LOOKAHEAD_FRAMES - this.queue.length;
    const { playerId, send } = this.options;
    send({ type: 'render', player: playerId, gen: this.gen, epoch: this.epoch, upTo: this.requestedUpTo });
  }

  /** Opens the source for `positionMs`, by byte offset when a seek index is known, else decoding from 0. */
  private async openAt(positionMs: number): Promise<void> {
    const gen = (this.gen = TrackSession.nextGen++);
    this.dropInput();
    this.ended = false;
    this.started = false;
    this.replaced = [];
    this.epoch = 0;
    this.nextSeq = 0;
    this.requestedUpTo = -1;
    this.lastPositionMs = positionMs;
    const { track } = this.options;
    const known = positionMs > 0 && track.isSeekable ? this.seekIndex : null;
    const byte = known === null ? 0 : this.byteFor(known.index, positionMs);
    let opened: OpenedInput;
    try {
      opened = byte > 0 ? await track.open(byte) : await track.open();
    } catch (error) {
      if (gen === this.gen) this.onInputLost(error, positionMs);
      return;
    }
    if (gen !== this.gen || this.closed) {
      opened.stream.destroy();
      return;
    }
    const ranged = byte > 0 && opened.startByte === byte && known !== null;
    // A reopened live stream continues from "now": there is nothing to skip.
    const continues = ranged || track.isStream;
    const wavContinuation = ranged && known.index.headerless ? (known.wavFormat ?? undefined) : undefined;
    this.options.send({
      type: 'start',
      player: this.options.playerId,
      gen,
      format: opened.format,
      basePositionMs: continues ? positionMs : 0,
      skipToMs: positionMs,
      ...(wavContinuation === undefined ? {} : { wavContinuation }),
      filters: this.filters,
      volume: this.volume,
    });
    this.started = true;
    this.attach(opened.stream, gen);
    this.refill();
  }

  private byteFor(index: ByteSeekIndex, positionMs: number): number {
    const blocks = Math.floor(((positionMs / 1000) * index.bytesPerSecond) / index.blockAlign);
    return index.dataOffset + blocks * index.blockAlign;
  }

  private attach(stream: Readable, gen: number): void {
    const { playerId, send, track, logger } = this.options;
    this.input = new InputPump(stream, { player: playerId, gen }, send, {
      // A live stream that ends or breaks first plays out what the worker holds; the reconnect follows
      // when the worker reports the end (see onSourceEnded), so a drop costs only the reconnect time.
      onEnd: () => this.input?.end(),
      onError: (error) => {
        if (!track.isStream) return this.onInputLost(error, this.lastPositionMs);
        logger.warn({ err: error, track: track.identifier }, 'stream broke');
        this.input?.end();
      },
    });
  }

  private dropInput(): void {
    this.input?.close();
    this.input = null;
  }

  /** A live stream that drops is reopened with backoff; a file that fails is a load failure. */
  private onInputLost(error: unknown, positionMs: number): void {
    const { track, logger } = this.options;
    if (!track.isStream) {
      this.fail('Failed to read the track', error);
      return;
    }
    const delay = this.backoff.nextDelayMs();
    if (delay === null) {
      this.fail('The stream dropped and could not be reopened', error);
      return;
    }
    logger.warn({ err: error, track: track.identifier, delayMs: delay }, 'stream dropped; reconnecting');
    this.dropInput();
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.closed) void this.openAt(positionMs);
    }, delay);
  }

  private onSourceEnded(): void {
    if (this.options.track.isStream && !this.closed) {
      this.onInputLost(new Error('stream ended'), this.lastPositionMs);
      return;
    }
    this.ended = true;
  }

  private fail(message: string, cause: unknown): void {
    if (this.closed) return;
    this.ended = true;
    this.dropInput();
    this.options.onFatal(exception(message, cause, 'common'));
  }
}
