import type { Readable } from 'node:stream';
import type { SendToWorker } from './worker/worker-protocol.js';

/** What happens to an input stream, reported to its track session. */
export interface InputPumpEvents {
  /** The stream ended normally. */
  onEnd(): void;
  onError(error: Error): void;
}

/**
 * Feeds one opened source stream to a pipeline worker under the worker's backpressure: the stream stays
 * paused and yields one chunk each time the worker asks for input (`needInput`).
 */
export class InputPump {
  private stream: Readable | null;

  public constructor(
    stream: Readable,
    private readonly target: { readonly player: number; readonly gen: number },
    private readonly send: SendToWorker,
    events: InputPumpEvents,
  ) {
    this.stream = stream;
    const { player, gen } = target;
    stream.on('data', (chunk: Buffer | string) => {
      if (this.stream === null) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      // Cloning a view copies its whole buffer, and chunks are often views into bigger ones (a file held
      // in memory, Node's 8 KiB pool, a radio chunk split around its metadata): copy just the chunk into a
      // buffer of its own and hand that over without a second copy.
      const owned = new Uint8Array(bytes.length);
      owned.set(bytes);
      send({ type: 'input', player, gen, chunk: owned }, [owned.buffer]);
      // One chunk per request: the worker asks again while its queue is below its low-water mark.
      stream.pause();
    });
    stream.once('end', () => {
      if (this.stream !== null) events.onEnd();
    });
    stream.once('error', (error) => {
      if (this.stream !== null) events.onError(error);
    });
    stream.pause();
  }

  /** The worker wants more bytes. */
  public resume(): void {
    this.stream?.resume();
  }

  /** Tells the worker no more bytes come (it drains what it holds). */
  public end(): void {
    this.send({ type: 'inputEnd', player: this.target.player, gen: this.target.gen });
  }

  /** Stops reading and releases the stream; its late events are ignored. */
  public close(): void {
    const stream = this.stream;
    this.stream = null;
    if (stream === null) return;
    stream.removeAllListeners('data');
    stream.on('error', () => undefined);
    stream.destroy();
  }
}
