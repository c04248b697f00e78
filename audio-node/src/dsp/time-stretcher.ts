import { PcmFifo } from './pcm-fifo.js';

/** Pulls up to `count` samples of 48 kHz stereo into the targets; returns how many it wrote. */
export type PcmPull = (left: Float32Array, right: Float32Array, count: number) => number;

/** Synthesis hop (output samples per step) and window (twice the hop: 50% overlap, ~32 ms at 48 kHz). */
const HOP = 768;
const WINDOW = HOP * 2;
/** How far (samples) each step may shift its input segment to line up with the previous one. */
const SEARCH = 384;
/** Coarse search stride and correlation decimation: alignment to 4 samples, then refined to 1. */
const COARSE = 4;
const PULL_BLOCK = 2_048;

const HANN = Float32Array.from(
  { length: WINDOW },
  (_, k) => 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / WINDOW),
);

/**
 * WSOLA time stretcher: changes tempo without changing pitch. Each step overlap-adds a Hann-windowed input
 * segment, shifted within +-{@link SEARCH} samples to the offset that best continues the previous segment's
 * waveform, so periodic sounds stay phase-coherent.
 */
export class TimeStretcher {
  /** Output tempo factor: 2 plays twice as fast. */
  public tempo = 1;
  private readonly input = new PcmFifo();
  /** Absolute input index of the FIFO's first sample. */
  private base = 0;
  private analysis = SEARCH;
  private continuation = -1;
  private readonly overlapL = new Float32Array(WINDOW);
  private readonly overlapR = new Float32Array(WINDOW);
  private readonly ready = new PcmFifo();
  private readonly pullL = new Float32Array(PULL_BLOCK);
  private readonly pullR = new Float32Array(PULL_BLOCK);
  private readonly outL = new Float32Array(HOP);
  private readonly outR = new Float32Array(HOP);

  public constructor(private readonly source: PcmPull) {}

  /** Writes up to `count` stretched samples; fewer when the source runs dry. */
  public read(left: Float32Array, right: Float32Array, count: number, offset = 0): number {
    while (this.ready.length < count && this.step()) {
      // each step appends HOP samples
    }
    const written = Math.min(count, this.ready.length);
    this.ready.peek(left.subarray(offset), right.subarray(offset), written);
    this.ready.discard(written);
    return written;
  }

  /** Forgets all buffered audio (after a seek). */
  public reset(): void {
    this.input.clear();
    this.ready.clear();
    this.overlapL.fill(0);
    this.overlapR.fill(0);
    this.base = 0;
    this.analysis = SEARCH;
    this.continuation = -1;
  }

  private step(): boolean {
    const start = Math.round(this.analysis);
    if (!this.fill(start + SEARCH + WINDOW)) return false;
    const offset = this.continuation < 0 ? 0 : this.bestOffset(start);
    const from = start + offset - this.base;
    for (let k = 0; k < WINDOW; k++) {
      this.overlapL[k] = (this.overlapL[k] ?? 0) + (HANN[k] ?? 0) * this.input.leftAt(from + k);
      this.overlapR[k] = (this.overlapR[k] ?? 0) + (HANN[k] ?? 0) * this.input.rightAt(from + k);
    }
    this.outL.set(this.overlapL.subarray(0, HOP));
    this.outR.set(this.overlapR.subarray(0, HOP));
    this.ready.push([this.outL, this.outR]);
    this.overlapL.copyWithin(0, HOP);
    this.overlapR.copyWithin(0, HOP);
    this.overlapL.fill(0, WINDOW - HOP);
    this.overlapR.fill(0, WINDOW - HOP);
    this.continuation = start + offset + HOP;
    this.analysis += HOP * this.tempo;
    const keepFrom = Math.min(Math.round(this.analysis) - SEARCH, this.continuation);
    if (keepFrom > this.base) {
      this.input.discard(keepFrom - this.base);
      this.base = keepFrom;
    }
    return true;
  }

  /** Pulls from the source until the FIFO holds input up to absolute index `end`. */
  private fill(end: number): boolean {
    while (this.base + this.input.length < end) {
      const got = this.source(this.pullL, this.pullR, PULL_BLOCK);
      if (got === 0) return false;
      this.input.push([this.pullL.subarray(0, got), this.pullR.subarray(0, got)]);
    }
    return true;
  }

  private correlation(candidate: number, reference: number, stride: number): number {
    let sum = 0;
    for (let k = 0; k < HOP; k += stride) {
      const a = this.input.leftAt(candidate + k) + this.input.rightAt(candidate + k);
      const b = this.input.leftAt(reference + k) + this.input.rightAt(reference + k);
      sum += a * b;
    }
    return sum;
  }

  private bestOffset(start: number): number {
    const reference = this.continuation - this.base;
    const origin = start - this.base;
    let best = 0;
    let bestScore = -Infinity;
    for (let offset = -SEARCH; offset <= SEARCH; offset += COARSE) {
      const score = this.correlation(origin + offset, reference, COARSE);
      if (score > bestScore) [best, bestScore] = [offset, score];
    }
    const coarse = best;
    bestScore = -Infinity;
    for (let offset = coarse - COARSE + 1; offset < coarse + COARSE; offset++) {
      if (offset < -SEARCH || offset > SEARCH) continue;
      const score = this.correlation(origin + offset, reference, 2);
      if (score > bestScore) [best, bestScore] = [offset, score];
    }
    return best;
  }
}
