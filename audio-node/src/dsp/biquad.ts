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
