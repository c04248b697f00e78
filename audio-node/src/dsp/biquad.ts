/** Normalised biquad coefficients (a0 = 1). */
export interface BiquadCoefficients {
  readonly b0: number;
  readonly b1: number;
  readonly b2: number;
  readonly a1: number;
  readonly a2: number;
}

/** Peaking EQ (RBJ Audio EQ Cookbook): `gainDb` around `frequency` with quality `q`. */
export function peaking(
  sampleRate: number,
  frequency: number,
  q: number,
  gainDb: number,
): BiquadCoefficients {
  const amplitude = 10 ** (gainDb / 40);
  const omega = (2 * Math.PI * frequency) / sampleRate;
  const alpha = Math.sin(omega) / (2 * q);
  const cos = Math.cos(omega);
  const a0 = 1 + alpha / amplitude;
  return {
    b0: (1 + alpha * amplitude) / a0,
    b1: (-2 * cos) / a0,
    b2: (1 - alpha * amplitude) / a0,
    a1: (-2 * cos) / a0,
    a2: (1 - alpha / amplitude) / a0,
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

/** One biquad section applied to both channels of a stereo frame in a single pass. */
export class StereoBiquad {
  private l1 = 0;
  private l2 = 0;
  private r1 = 0;
  private r2 = 0;

  public constructor(private readonly c: BiquadCoefficients) {}

  public process(left: Float32Array, right: Float32Array): void {
    const { b0, b1, b2, a1, a2 } = this.c;
    let l1 = this.l1;
    let l2 = this.l2;
    let r1 = this.r1;
    let r2 = this.r2;
    for (let i = 0; i < left.length; i++) {
      const xl = left[i] ?? 0;
      const yl = b0 * xl + l1;
      l1 = b1 * xl - a1 * yl + l2;
      l2 = b2 * xl - a2 * yl;
      left[i] = yl;
      const xr = right[i] ?? 0;
      const yr = b0 * xr + r1;
      r1 = b1 * xr - a1 * yr + r2;
      r2 = b2 * xr - a2 * yr;
      right[i] = yr;
    }
    // Denormals cost a lot on x86 and are inaudible: flush them.
    const flush = (value: number): number => (Math.abs(value) < 1e-20 ? 0 : value);
    this.l1 = flush(l1);
    this.l2 = flush(l2);
    this.r1 = flush(r1);
    this.r2 = flush(r2);
  }
}
