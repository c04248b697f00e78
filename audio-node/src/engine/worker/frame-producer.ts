import { PcmFifo } from '../../dsp/pcm-fifo.js';
import { Resampler } from '../../dsp/resampler.js';
import { DSP_SAMPLE_RATE } from '../../dsp/stereo-filter.js';
import { TimeStretcher } from '../../dsp/time-stretcher.js';
import type { Timescale } from '../../dsp/filter-chain.js';

/** Samples per 20 ms frame at 48 kHz. */
export const FRAME_SAMPLES = 960;
/** Extra input the stretcher may pull beyond one frame (its window plus search range). */
const STRETCH_SLACK = 4_096;
/**
 * Source samples kept after playing, so frames rendered ahead can be re-rendered when filters change:
 * 1.36 s at 48 kHz, enough for the engine's 500 ms lookahead up to timescale rate x pitch 2.7.
 */
const RETAIN_SOURCE_SAMPLES = 65_536;
/** Timescale factors below this would stall playback (0 never advances); they clamp here. */
const MIN_FACTOR = 0.05;

/**
 * Turns decoded PCM at the source rate into 48 kHz stereo 20 ms frames, applying timescale: resampling by
 * `rate x pitch` (pitch and tempo together), then time-stretching by `speed / pitch` (tempo only).
 */
export class FrameProducer {
  private readonly fifo = new PcmFifo();
  private readonly resampler = new Resampler(this.fifo, RETAIN_SOURCE_SAMPLES);
  private stretcher: TimeStretcher | null = null;
  private sourceRate = 0;
  private timescale: Timescale = { speed: 1, pitch: 1, rate: 1 };
  private filled = 0;
  /** Frame being assembled; completed frames are handed out by reference and must be used before the next call. */
  public readonly left = new Float32Array(FRAME_SAMPLES);
  public readonly right = new Float32Array(FRAME_SAMPLES);

  /** Source samples pushed but not yet played, at the source rate. */
  public get bufferedSource(): number {
    return this.fifo.length;
  }

  /** Source samples played, for position reporting. */
  public get playedSource(): number {
    return this.resampler.playedInput;
  }

  /** True between frames (no partial frame assembled): the moment a rewind mark is taken. */
  public get atFrameBoundary(): boolean {
    return this.filled === 0;
  }

  public get rate(): number {
    return this.sourceRate;
  }

  /**
   * Returns to a former {@link playedSource} (taken at a frame boundary) to render again from there;
   * false when that audio is no longer retained. The time stretcher restarts (a few ms of smear).
   */
  public rewind(playedSource: number): boolean {
    if (!this.resampler.rewindTo(playedSource)) return false;
    this.filled = 0;
    this.stretcher = null;
    this.applyTimescale();
    return true;
  }

  public push(channels: readonly Float32Array[], sampleRate: number): void {
    if (this.sourceRate === 0) this.sourceRate = sampleRate;
    // A stream that switches rate mid-way (chained radio) would otherwise play at the wrong speed.
    if (sampleRate !== this.sourceRate) this.sourceRate = sampleRate;
    this.fifo.push(channels);
    this.applyTimescale();
  }

  public setTimescale(timescale: Timescale): void {
    this.timescale = timescale;
    this.applyTimescale();
  }

  /** Source samples needed in the FIFO before {@link next} can complete a frame. */
  public sourceNeeded(): number {
    const outputs = (FRAME_SAMPLES - this.filled) * (this.stretcher?.tempo ?? 1);
    return this.resampler.inputNeeded(Math.ceil(outputs)) + (this.stretcher === null ? 0 : STRETCH_SLACK);
  }

  /**
   * Completes the current frame into `left`/`right`; returns false when input ran short (the partial frame
   * is kept). With `drain`, the end of the input is reached: the frame is completed with silence.
   */
  public next(drain = false): boolean {
    const want = FRAME_SAMPLES - this.filled;
    const got =
      this.stretcher === null
        ? this.resampler.read(this.left, this.right, want, this.filled, drain)
        : this.stretcher.read(this.left, this.right, want, this.filled);
    this.filled += got;
    if (this.filled < FRAME_SAMPLES && !drain) return false;
    if (this.filled === 0) return false;
    this.left.fill(0, this.filled);
    this.right.fill(0, this.filled);
    this.filled = 0;
    return true;
  }

  private applyTimescale(): void {
    if (this.sourceRate === 0) return;
    const { speed, pitch, rate } = this.timescale;
    this.resampler.step = (this.sourceRate / DSP_SAMPLE_RATE) * Math.max(MIN_FACTOR, rate * pitch);
    const tempo = Math.max(MIN_FACTOR, speed / Math.max(MIN_FACTOR, pitch));
    if (Math.abs(tempo - 1) < 1e-6) {
      this.stretcher = null;
      return;
    }
    this.stretcher ??= new TimeStretcher((left, right, count) => this.resampler.read(left, right, count));
    this.stretcher.tempo = tempo;
  }
}
