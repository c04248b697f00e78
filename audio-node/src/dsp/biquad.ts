/** Normalised biquad coefficients (a0 = 1). */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/**
 * One equalizer band as lavaplayer shapes it: the input plus `factor - 1` times a constant-peak band-pass
 * around `frequency`, folded into one biquad. The level at `frequency` is multiplied by `factor` and far
 * from it left alone. Unlike a cookbook peaking filter, whose cuts are as wide as the mirrored boost (a
 * -40 dB cut at 1 kHz takes 250 Hz down 6.6 dB), factor 0 is a notch: the neighbouring bands keep their level.
 */
export function bandGain(
  sampleRate: number,
  frequency: number,
  q: number,
  factor: number,
): BiquadCoefficients {
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(omega) / (2 * q);
  const cos = Math.cos(omega);
  const a0 = 1 + alpha;
  return {
    b0: (1 + factor * alpha) / a0,
    b1: (-2 * cos) / a0,
    b2: (1 - factor * alpha) / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** Band-pass with 0 dB peak gain (RBJ cookbook, constant peak). */
export function bandPass(sampleRate: number, frequency: number, q: number): BiquadCoefficients {
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(omega) / (2 * q);
  const a0 = 1 + alpha;
  return {
    b0: alpha / a0,
    b1: 0,
    b2: -alpha / a0,
    a1: (-2 * Math.cos(omega)) / a0,
    a2: (1 - alpha) / a0,
  };
}

/** One biquad section with its own state (transposed direct form II), for one channel. */
export class Biquad {
  private z1 = 0;
  private z2 = 0;

  public constructor(private readonly c: BiquadCoefficients) {}

  public processSample(x: number): number {
    const y = this.c.b0 * x + this.z1;
    this.z1 = this.c.b1 * x - this.c.a1 * y + this.z2;
    this.z2 = this.c.b2 * x - this.c.a2 * y;
    return y;
  }

  /** Filters `samples` in place. */
  public process(samples: Float32Array): void {
    const { b0, b1, b2, a1, a2 } = this.c;
    let z1 = this.z1;
    let z2 = this.z2;
    for (let i = 0; i < samples.length; i++) {
      const x = samples[i] ?? 0;
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      samples[i] = y;
    }
    // Denormals cost a lot on x86 and are inaudible: flush them.
    this.z1 = Math.abs(z1) < 1e-20 ? 0 : z1;
    this.z2 = Math.abs(z2) < 1e-20 ? 0 : z2;
  }
}

/**
 * A cascade of biquad sections applied to both channels of a stereo frame. Each section's recursion is a
 * chain of dependent multiply-adds, so one section on its own leaves the CPU waiting on latency; sections
 * run two at a time over both channels (four independent chains in registers), passing double-precision
 * intermediates between passes, so the output is the same as running each sample through every section.
 */
export class StereoBiquadCascade {
  private readonly c: Float64Array;
  /** Per section: left z1, left z2, right z1, right z2. */
  private readonly z: Float64Array;
  /** Between passes, in double precision (what a sample carries from one section to the next). */
  private workL = new Float64Array(0);
  private workR = new Float64Array(0);

  public constructor(sections: readonly BiquadCoefficients[]) {
    this.c = Float64Array.from(sections.flatMap(({ b0, b1, b2, a1, a2 }) => [b0, b1, b2, a1, a2]));
    this.z = new Float64Array(sections.length * 4);
  }

  public get length(): number {
    return this.z.length / 4;
  }

  public process(left: Float32Array, right: Float32Array): void {
    const sections = this.length;
    if (sections === 0) return;
    const n = left.length;
    if (this.workL.length < n) {
      this.workL = new Float64Array(n);
      this.workR = new Float64Array(n);
    }
    const wl = this.workL;
    const wr = this.workR;
    for (let i = 0; i < n; i++) {
      wl[i] = left[i]!;
      wr[i] = right[i]!;
    }
    let s = 0;
    for (; s + 1 < sections; s += 2) this.pair(s, wl, wr, n);
    if (s < sections) this.single(s, wl, wr, n);
    for (let i = 0; i < n; i++) {
      left[i] = wl[i]!;
      right[i] = wr[i]!;
    }
    // Denormals cost a lot on x86 and are inaudible: flush them.
    const z = this.z;
    for (let q = 0; q < z.length; q++) if (Math.abs(z[q]!) < 1e-20) z[q] = 0;
  }

  /** Sections `s` and `s + 1` over both channels (transposed direct form II). */
  private pair(s: number, wl: Float64Array, wr: Float64Array, n: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const q = s * 4;
    const [b0, b1, b2, a1, a2] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    const [d0, d1, d2, e1, e2] = [c[k + 5]!, c[k + 6]!, c[k + 7]!, c[k + 8]!, c[k + 9]!];
    let [l1, l2, r1, r2] = [z[q]!, z[q + 1]!, z[q + 2]!, z[q + 3]!];
    let [m1, m2, s1, s2] = [z[q + 4]!, z[q + 5]!, z[q + 6]!, z[q + 7]!];
    for (let i = 0; i < n; i++) {
      const xl = wl[i]!;
      const xr = wr[i]!;
      const yl = b0 * xl + l1;
      l1 = b1 * xl - a1 * yl + l2;
      l2 = b2 * xl - a2 * yl;
      const yr = b0 * xr + r1;
      r1 = b1 * xr - a1 * yr + r2;
      r2 = b2 * xr - a2 * yr;
      const ol = d0 * yl + m1;
      m1 = d1 * yl - e1 * ol + m2;
      m2 = d2 * yl - e2 * ol;
      const or = d0 * yr + s1;
      s1 = d1 * yr - e1 * or + s2;
      s2 = d2 * yr - e2 * or;
      wl[i] = ol;
      wr[i] = or;
    }
    z.set([l1, l2, r1, r2, m1, m2, s1, s2], q);
  }

  /** Section `s` over both channels (the odd one out of {@link pair}). */
  private single(s: number, wl: Float64Array, wr: Float64Array, n: number): void {
    const c = this.c;
    const z = this.z;
    const k = s * 5;
    const q = s * 4;
    const [b0, b1, b2, a1, a2] = [c[k]!, c[k + 1]!, c[k + 2]!, c[k + 3]!, c[k + 4]!];
    let [l1, l2, r1, r2] = [z[q]!, z[q + 1]!, z[q + 2]!, z[q + 3]!];
    for (let i = 0; i < n; i++) {
      const xl = wl[i]!;
      const xr = wr[i]!;
      const yl = b0 * xl + l1;
      l1 = b1 * xl - a1 * yl + l2;
      l2 = b2 * xl - a2 * yl;
      const yr = b0 * xr + r1;
      r1 = b1 * xr - a1 * yr + r2;
      r2 = b2 * xr - a2 * yr;
      wl[i] = yl;
      wr[i] = yr;
    }
    z.set([l1, l2, r1, r2], q);
  }
}
