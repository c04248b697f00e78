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
 * A cascade of biquad sections applied to both channels of a stereo frame in one pass over the samples
 * (each sample runs through every section while in registers, instead of one pass per section).
 */
export class StereoBiquadCascade {
  private readonly c: Float64Array;
  /** Per section: left z1, left z2, right z1, right z2. */
  private readonly z: Float64Array;

  public constructor(sections: readonly BiquadCoefficients[]) {
    this.c = Float64Array.from(sections.flatMap(({ b0, b1, b2, a1, a2 }) => [b0, b1, b2, a1, a2]));
    this.z = new Float64Array(sections.length * 4);
  }

  public get length(): number {
    return this.z.length / 4;
  }

  public process(left: Float32Array, right: Float32Array): void {
    const c = this.c;
    const z = this.z;
    const sections = this.length;
    for (let i = 0; i < left.length; i++) {
      let l = left[i] ?? 0;
      let r = right[i] ?? 0;
      for (let s = 0, k = 0, q = 0; s < sections; s++, k += 5, q += 4) {
        const b0 = c[k] ?? 0;
        const b1 = c[k + 1] ?? 0;
        const b2 = c[k + 2] ?? 0;
        const a1 = c[k + 3] ?? 0;
        const a2 = c[k + 4] ?? 0;
        const yl = b0 * l + (z[q] ?? 0);
        z[q] = b1 * l - a1 * yl + (z[q + 1] ?? 0);
        z[q + 1] = b2 * l - a2 * yl;
        const yr = b0 * r + (z[q + 2] ?? 0);
        z[q + 2] = b1 * r - a1 * yr + (z[q + 3] ?? 0);
        z[q + 3] = b2 * r - a2 * yr;
        l = yl;
        r = yr;
      }
      left[i] = l;
      right[i] = r;
    }
    // Denormals cost a lot on x86 and are inaudible: flush them.
    for (let q = 0; q < z.length; q++) if (Math.abs(z[q] ?? 0) < 1e-20) z[q] = 0;
  }
}
