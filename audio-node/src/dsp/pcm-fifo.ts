/** Compact in place while the live samples fill at most this share of the buffer, else grow. */
const COMPACT_FILL = 0.75;

/**
 * A growable FIFO of stereo float PCM (planar), the hand-off between a decoder (bursty, any chunk size) and
 * the per-frame pipeline. Mono input is duplicated; channels past two are dropped.
 */
export class PcmFifo {
  private left = new Float32Array(16_384);
  private right = new Float32Array(16_384);
  private start = 0;
  private end = 0;

  public get length(): number {
    return this.end - this.start;
  }

  public push(channels: readonly Float32Array[]): void {
    const left = channels[0];
    if (left === undefined) return;
    const right = channels[1] ?? left;
    this.reserve(left.length);
    this.left.set(left, this.end);
    this.right.set(right.subarray(0, left.length), this.end);
    this.end += left.length;
  }

  /**
   * Raw storage for tight loops (the resampler): sample `i` (0 = oldest) of the left channel is
   * `leftData[offset + i]`. Valid until the next `push`.
   */
  public get leftData(): Float32Array {
    return this.left;
  }

  public get rightData(): Float32Array {
    return this.right;
  }

  public get offset(): number {
    return this.start;
  }

  /** Sample `index` (0 = oldest) of each channel; callers check `length` first. */
  public leftAt(index: number): number {
    return this.left[this.start + index] ?? 0;
  }

  public rightAt(index: number): number {
    return this.right[this.start + index] ?? 0;
  }

  /** Copies `count` samples into the targets without consuming them. */
  public peek(left: Float32Array, right: Float32Array, count: number, offset = 0): void {
    left.set(this.left.subarray(this.start, this.start + count), offset);
    right.set(this.right.subarray(this.start, this.start + count), offset);
  }

  public discard(count: number): void {
    this.start = Math.min(this.end, this.start + count);
    if (this.start === this.end) this.start = this.end = 0;
  }

  public clear(): void {
    this.start = this.end = 0;
  }

  private reserve(extra: number): void {
    if (this.end + extra <= this.left.length) return;
    const needed = this.length + extra;
    // Compacting copies the live samples; growing to 4/3 of the need keeps that rare and memory near
    // what a player holds (about 1 s retained plus the decode-ahead).
    if (needed <= this.left.length * COMPACT_FILL) {
      this.left.copyWithin(0, this.start, this.end);
      this.right.copyWithin(0, this.start, this.end);
    } else {
      let size = this.left.length;
      while (size * COMPACT_FILL < needed) size *= 2;
      const left = new Float32Array(size);
      const right = new Float32Array(size);
      left.set(this.left.subarray(this.start, this.end));
      right.set(this.right.subarray(this.start, this.end));
      this.left = left;
      this.right = right;
    }
    this.end -= this.start;
    this.start = 0;
  }
}
