import type { PcmFifo } from './pcm-fifo.js';

/** Input samples the interpolator looks at around each output sample (one before, two after). */
const HISTORY = 1;
const LOOKAHEAD = 2;

/** 4-point cubic Hermite (Catmull-Rom) interpolation between y0 and y1 at fraction t. */
function hermite(ym1: number, y0: number, y1: number, y2: number, t: number): number {
  const c1 = 0.5 * (y1 - ym1);
  const c2 = ym1 - 2.5 * y0 + 2 * y1 - 0.5 * y2;
  const c3 = 0.5 * (y2 - ym1) + 1.5 * (y0 - y1);
  return ((c3 * t + c2) * t + c1) * t + y0;
}

/**
 * Streaming variable-ratio resampler pulling from a {@link PcmFifo}: converts the source rate to 48 kHz and
 * applies timescale `rate x pitch` in the same step (reading input faster raises pitch and tempo together).
 * The ratio can change between calls without a discontinuity.
 */
export class Resampler {
  /** Fractional read position, in input samples, relative to the FIFO's oldest sample. */
  private position = HISTORY;
  /** Input samples consumed (discarded from the FIFO) since creation, for position reporting. */
  public consumed = 0;

  /**
   * @param retain - input samples kept behind the read position, so {@link rewindTo} can step back that far
   *   (re-rendering audio already produced with new settings).
   */
  public constructor(
    private readonly input: PcmFifo,
    private readonly retain = 0,
  ) {}

  /** Input samples advanced per output sample. */
  public step = 1;

  /** Input samples needed before `count` outputs can be produced at the current step. */
  public inputNeeded(count: number): number {
    return Math.ceil(this.position + count * this.step) + LOOKAHEAD;
  }

  /** Source samples played so far (read position), fractional. */
  public get playedInput(): number {
    return this.consumed + this.position - HISTORY;
  }

  /**
   * Writes up to `count` output samples; returns how many were written (fewer when input runs short).
   * With `drain`, the missing lookahead at the very end of the input reads as silence.
   */
  public read(left: Float32Array, right: Float32Array, count: number, offset = 0, drain = false): number {
    const fifo = this.input;
    const available = fifo.length + (drain ? LOOKAHEAD : 0);
    const inL = fifo.leftData;
    const inR = fifo.rightData;
    const base = fifo.offset;
    // Past the end of the FIFO while draining, reads see silence.
    let written = 0;
    let position = this.position;
    const step = this.step;
    if (step === 1 && position === Math.floor(position) && !drain) {
      // Same rate, no timescale: a copy.
      written = Math.max(0, Math.min(count, fifo.length - LOOKAHEAD - position));
      left.set(inL.subarray(base + position, base + position + written), offset);
      right.set(inR.subarray(base + position, base + position + written), offset);
      position += written;
    } else {
      const safeUntil = fifo.length - LOOKAHEAD;
      // The hot loop: all four taps lie inside the FIFO, so no end-of-input checks per sample.
      if (base + Math.floor(position) - HISTORY >= 0) {
        while (written < count) {
          const index = Math.floor(position);
          if (index >= safeUntil) break;
          const t = position - index;
          const i = base + index;
          left[offset + written] = hermite(inL[i - 1]!, inL[i]!, inL[i + 1]!, inL[i + 2]!, t);
          right[offset + written] = hermite(inR[i - 1]!, inR[i]!, inR[i + 1]!, inR[i + 2]!, t);
          written++;
          position += step;
        }
      }
      // Past the end of the FIFO (only while draining) reads see silence.
      const end = base + fifo.length;
      const at = (data: Float32Array, index: number): number => (index < end ? (data[index] ?? 0) : 0);
      while (written < count) {
        const index = Math.floor(position);
        if (index + LOOKAHEAD >= available || (drain && index >= fifo.length)) break;
        const t = position - index;
        const i = base + index;
        if (index < safeUntil) {
          left[offset + written] = hermite(inL[i - 1] ?? 0, inL[i] ?? 0, inL[i + 1] ?? 0, inL[i + 2] ?? 0, t);
          right[offset + written] = hermite(
            inR[i - 1] ?? 0,
            inR[i] ?? 0,
            inR[i + 1] ?? 0,
            inR[i + 2] ?? 0,
            t,
          );
        } else {
          left[offset + written] = hermite(at(inL, i - 1), at(inL, i), at(inL, i + 1), at(inL, i + 2), t);
          right[offset + written] = hermite(at(inR, i - 1), at(inR, i), at(inR, i + 1), at(inR, i + 2), t);
        }
        written++;
        position += step;
      }
    }
    const drop = Math.max(0, Math.floor(position) - HISTORY - this.retain);
    fifo.discard(drop);
    this.consumed += drop;
    this.position = position - drop;
    return written;
  }

  /** Moves the read position back to `played` (a former {@link playedInput}); false when no longer retained. */
  public rewindTo(played: number): boolean {
    const relative = played - this.consumed + HISTORY;
    if (relative < HISTORY || relative > this.position) return false;
    this.position = relative;
    return true;
  }

  /** Forgets buffered input (after a seek). */
  public reset(): void {
    this.position = HISTORY;
  }
}
