import type { BiquadCoefficients } from './biquad.js';

/** Samples carried between passes in double precision, shared: a cascade runs start to end synchronously. */
let scratch = new Float64Array(0);
/** A pass reads the frame or the double-precision buffer and writes either. */
type Samples = Float32Array | Float64Array;

/** Sections in the next pass: four while they last, but never a lone section after them (5 = 3 + 2). */
function passSize(remaining: number): number {
  return remaining === 5 ? 3 : Math.min(4, remaining);
}

/**
 * A cascade of biquad sections applied to both channels of a stereo frame. A section's recursion is a chain
 * of dependent multiply-adds, so one section at a time leaves the CPU waiting on latency: each channel runs
 * through up to four sections per pass, every sample through all of them while their states sit in locals
 * (four independent chains). Samples pass between sections in double precision, so the output is the same as
 * running each sample through every section in turn.
 */
export class StereoBiquadCascade {
  /** Per section: b0, b1, b2, a1, a2. */
  private readonly c: Float64Array;
  /** Per channel, per section: z1, z2 (the left channel's sections first). */
  private readonly z: Float64Array;

  public constructor(sections: readonly BiquadCoefficients[]) {
    this.c = Float64Array.from(sections.flatMap(({ b0, b1, b2, a1, a2 }) => [b0, b1, b2, a1, a2]));
    this.z = new Float64Array(sections.length * 4);
  }

  public get length(): number {
    return this.c.length / 5;
  }

  public process(left: Float32Array, right: Float32Array): void {
    if (this.length === 0) return;
    this.channel(left, 0);
    this.channel(right, this.length * 2);
    // Denormals cost a lot on x86 and are inaudible: flush them.
    const z = this.z;
    for (let q = 0; q < z.length; q++) if (Math.abs(z[q]!) < 1e-20) z[q] = 0;
  }

  /**
   * Runs one channel through the sections in passes of up to four. Between passes samples wait in a
   * double-precision buffer, as they would between sections within one pass.
   */
  private channel(samples: Float32Array, state: number): void {
    const n = samples.length;
    const sections = this.length;
    if (scratch.length < n) scratch = new Float64Array(n);
    let src: Samples = samples;
    for (let s = 0; s < sections;) {
      const size = passSize(sections - s);
      const dst: Samples = s + size === sections ? samples : scratch;
      const q = state + s * 2;
      if (size === 4) this.four(src, dst, n, s, q);
      else if (size === 3) this.three(src, dst, n, s, q);
      else if (size === 2) this.two(src, dst, n, s, q);
      else this.one(src, dst, n, s, q);
      src = dst;
      s += size;
    }
  }

  /**
   * Sections `s` to `s + 3` from `src` to `dst` (transposed direct form II), states from `z[q]` on. Coefficients
   * are copied to locals: read from `c` inside the loop, every store to `dst` (maybe a Float64Array) could
   * alias them, so they would be reloaded for each sample.
   */
  private four(src: Samples, dst: Samples, n: number, s: number, q: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const [a0, a1, a2, a3, a4] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    const [b0, b1, b2, b3, b4] = [c[k + 5]!, c[k + 6]!, c[k + 7]!, c[k + 8]!, c[k + 9]!];
    const [d0, d1, d2, d3, d4] = [c[k + 10]!, c[k + 11]!, c[k + 12]!, c[k + 13]!, c[k + 14]!];
    const [e0, e1, e2, e3, e4] = [c[k + 15]!, c[k + 16]!, c[k + 17]!, c[k + 18]!, c[k + 19]!];
    let [p1, p2, q1, q2] = [z[q]!, z[q + 1]!, z[q + 2]!, z[q + 3]!];
    let [r1, r2, t1, t2] = [z[q + 4]!, z[q + 5]!, z[q + 6]!, z[q + 7]!];
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      const y0 = a0 * x + p1;
      p1 = a1 * x - a3 * y0 + p2;
      p2 = a2 * x - a4 * y0;
      const y1 = b0 * y0 + q1;
      q1 = b1 * y0 - b3 * y1 + q2;
      q2 = b2 * y0 - b4 * y1;
      const y2 = d0 * y1 + r1;
      r1 = d1 * y1 - d3 * y2 + r2;
      r2 = d2 * y1 - d4 * y2;
      const y3 = e0 * y2 + t1;
      t1 = e1 * y2 - e3 * y3 + t2;
      t2 = e2 * y2 - e4 * y3;
      dst[i] = y3;
    }
    z.set([p1, p2, q1, q2, r1, r2, t1, t2], q);
  }

  /** Sections `s` to `s + 2`. */
  private three(src: Samples, dst: Samples, n: number, s: number, q: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const [a0, a1, a2, a3, a4] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    const [b0, b1, b2, b3, b4] = [c[k + 5]!, c[k + 6]!, c[k + 7]!, c[k + 8]!, c[k + 9]!];
    const [d0, d1, d2, d3, d4] = [c[k + 10]!, c[k + 11]!, c[k + 12]!, c[k + 13]!, c[k + 14]!];
    let [p1, p2, q1, q2, r1, r2] = [z[q]!, z[q + 1]!, z[q + 2]!, z[q + 3]!, z[q + 4]!, z[q + 5]!];
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      const y0 = a0 * x + p1;
      p1 = a1 * x - a3 * y0 + p2;
      p2 = a2 * x - a4 * y0;
      const y1 = b0 * y0 + q1;
      q1 = b1 * y0 - b3 * y1 + q2;
      q2 = b2 * y0 - b4 * y1;
      const y2 = d0 * y1 + r1;
      r1 = d1 * y1 - d3 * y2 + r2;
      r2 = d2 * y1 - d4 * y2;
      dst[i] = y2;
    }
    z.set([p1, p2, q1, q2, r1, r2], q);
  }

  /** Sections `s` and `s + 1`. */
  private two(src: Samples, dst: Samples, n: number, s: number, q: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const [a0, a1, a2, a3, a4] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    const [b0, b1, b2, b3, b4] = [c[k + 5]!, c[k + 6]!, c[k + 7]!, c[k + 8]!, c[k + 9]!];
    let [p1, p2, q1, q2] = [z[q]!, z[q + 1]!, z[q + 2]!, z[q + 3]!];
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      const y0 = a0 * x + p1;
      p1 = a1 * x - a3 * y0 + p2;
      p2 = a2 * x - a4 * y0;
      const y1 = b0 * y0 + q1;
      q1 = b1 * y0 - b3 * y1 + q2;
      q2 = b2 * y0 - b4 * y1;
      dst[i] = y1;
    }
    z.set([p1, p2, q1, q2], q);
  }

  /** Section `s` alone (a cascade of one). */
  private one(src: Samples, dst: Samples, n: number, s: number, q: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const [b0, b1, b2, a1, a2] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    let [z1, z2] = [z[q]!, z[q + 1]!];
    for (let i = 0; i < n; i++) {
      const x = src[i]!;
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      dst[i] = y;
    }
    z.set([z1, z2], q);
  }
}
