/** Where a {@link JitterBuffer} delivers frames, in sequence order. */
export interface JitterBufferSink<T> {
  onFrame(item: T, sequence: number): void;
  /** `count` frames never arrived in time and were skipped. */
  onLost(count: number): void;
}

const SEQUENCE_MODULUS = 0x1_0000;
const HALF_SEQUENCE = 0x8000;
/** A forward jump this large is a new stream (restart), not loss: nobody loses a minute of frames. */
const RESYNC_JUMP_FRAMES = 3_000;

/** Signed distance from `from` to `to` on the 16-bit RTP sequence circle. */
export function sequenceDistance(from: number, to: number): number {
  const forward = (to - from + SEQUENCE_MODULUS) % SEQUENCE_MODULUS;
  return forward >= HALF_SEQUENCE ? forward - SEQUENCE_MODULUS : forward;
}

/**
 * Puts one RTP stream's frames back in sequence order. A missing frame is waited for until a frame
 * `depth` or more ahead of it has arrived, then counted lost; frames older than the next one due are late
 * and dropped (they were already counted lost or are duplicates).
 */
export class JitterBuffer<T> {
  private next: number | null = null;
  private newestAhead = 0;
  private readonly held = new Map<number, T>();

  public constructor(
    private readonly depth: number,
    private readonly sink: JitterBufferSink<T>,
  ) {}

  /** Frames waiting behind a hole. */
  public get heldCount(): number {
    return this.held.size;
  }

  public push(sequence: number, item: T): void {
    if (this.next === null) this.next = sequence;
    let ahead = sequenceDistance(this.next, sequence);
    if (ahead < 0 || this.held.has(sequence)) return;
    if (ahead > RESYNC_JUMP_FRAMES) {
      this.flush();
      this.next = sequence;
      ahead = 0;
    }
    this.held.set(sequence, item);
    this.newestAhead = Math.max(this.newestAhead, ahead);
    this.release(this.depth);
  }

  /** Delivers everything held (the stream paused or ended), counting the holes between as lost. */
  public flush(): void {
    this.release(1);
  }

  private release(depth: number): void {
    let lost = 0;
    while (this.held.size > 0 && this.next !== null) {
      const item = this.held.get(this.next);
      if (item !== undefined) {
        this.held.delete(this.next);
        this.sink.onFrame(item, this.next);
      } else if (this.newestAhead >= depth) {
        lost += 1;
      } else {
        break;
      }
      this.next = (this.next + 1) % SEQUENCE_MODULUS;
      this.newestAhead = Math.max(0, this.newestAhead - 1);
    }
    if (lost > 0) this.sink.onLost(lost);
  }
}
