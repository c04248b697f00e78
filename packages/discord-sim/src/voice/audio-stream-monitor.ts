import { FRAME_DURATION_MS } from './audio-format.js';
import { JitterBuffer } from './jitter-buffer.js';
import { createOpusFrameDecoder } from './create-opus-frame-decoder.js';
import type { OpusFrameDecoder } from './opus-frame-decoder.js';
import { StreamDecoder, type ReceivedFrame } from './stream-decoder.js';

/** How long received audio is kept for analysis, ms; longer windows are clamped to it. */
export const MAX_ANALYSIS_WINDOW_MS = 10_000;
/** Frames a hole is waited for before it counts as lost: 4 frames = 80 ms of reordering tolerated. */
export const JITTER_DEPTH_FRAMES = 4;

interface Timed<T> {
  readonly atMs: number;
  readonly value: T;
}

/** What one bot connection sent during a window. */
export interface StreamWindow {
  readonly packets: number;
  readonly lostFrames: number;
  /** Decoded interleaved stereo PCM frames, oldest first. */
  readonly frames: readonly Int16Array[];
  readonly lastFrameAtMs: number | null;
}

/** Drops the entries older than `cutoffMs` from the front of a time-ordered list. */
function pruneBefore(entries: { readonly atMs: number }[], cutoffMs: number): void {
  let stale = 0;
  while (stale < entries.length && entries[stale]!.atMs < cutoffMs) stale += 1;
  if (stale > 0) entries.splice(0, stale);
}

/**
 * The audio one bot connection sends: reorders its RTP frames and keeps packet arrivals, lost frames and Opus
 * frames for {@link MAX_ANALYSIS_WINDOW_MS}. Frames are decoded (one decoder per stream, i.e. per SSRC of a
 * session) and spectra computed only when a window is asked for: a packet costs a few microseconds on
 * arrival, so a simulator carrying a hundred guilds nobody analyses spends nothing on Opus.
 */
export class AudioStreamMonitor {
  private ssrc: number | null = null;
  private stream: StreamDecoder | null = null;
  private streamFrames = 0;
  private jitter: JitterBuffer<Buffer> | null = null;
  private readonly arrivals: Timed<null>[] = [];
  private readonly losses: Timed<number>[] = [];
  private readonly frames: ReceivedFrame[] = [];
  private total = 0;

  /**
   * @param now - the clock, ms
   * @param createDecoder - makes the decoder of each new stream; `null` leaves the stream undecoded
   */
  public constructor(
    private readonly now: () => number = Date.now,
    private readonly createDecoder: () => OpusFrameDecoder | null = createOpusFrameDecoder,
  ) {}

  /** Packets received since the monitor was created. */
  public get totalPackets(): number {
    return this.total;
  }

  /** One decrypted Opus frame arrived. A new SSRC starts a new stream (new decoder, new ordering). */
  public onPacket(ssrc: number, sequence: number, opus: Buffer): void {
    const atMs = this.now();
    if (ssrc !== this.ssrc) this.startStream(ssrc);
    this.total += 1;
    this.arrivals.push({ atMs, value: null });
    this.jitter?.push(sequence, opus);
    this.prune(atMs);
  }

  /** The stream paused (speaking stopped, socket gone): deliver frames held behind a hole. */
  public flush(): void {
    this.jitter?.flush();
  }

  public window(windowMs: number): StreamWindow {
    const nowMs = this.now();
    this.prune(nowMs);
    const cutoff = nowMs - Math.min(windowMs, MAX_ANALYSIS_WINDOW_MS);
    const inWindow = <T>(entries: readonly Timed<T>[]): Timed<T>[] =>
      entries.filter((entry) => entry.atMs >= cutoff);
    return {
      packets: inWindow(this.arrivals).length,
      lostFrames: inWindow(this.losses).reduce((sum, loss) => sum + loss.value, 0),
      frames: this.decodeSince(cutoff),
      lastFrameAtMs: this.frames.at(-1)?.atMs ?? null,
    };
  }

  /** Ends the current stream and frees its decoder; the history stays readable and the next packet starts a new stream. */
  public endStream(): void {
    this.flush();
    this.stream?.release();
    this.stream = null;
    this.jitter = null;
    this.ssrc = null;
  }

  private startStream(ssrc: number): void {
    this.endStream();
    const stream = new StreamDecoder(this.createDecoder);
    this.ssrc = ssrc;
    this.stream = stream;
    this.streamFrames = 0;
    this.jitter = new JitterBuffer<Buffer>(JITTER_DEPTH_FRAMES, {
      onFrame: (opus) => {
        this.frames.push({ atMs: this.now(), stream, index: this.streamFrames, opus, pcm: undefined });
        this.streamFrames += 1;
      },
      onLost: (count) => this.losses.push({ atMs: this.now(), value: count }),
    });
  }

  /** PCM of the frames received since `cutoffMs`, decoding those not decoded yet. */
  private decodeSince(cutoffMs: number): Int16Array[] {
    let first = this.frames.length;
    while (first > 0 && this.frames[first - 1]!.atMs >= cutoffMs) first -= 1;
    const pcm: Int16Array[] = [];
    const ended = new Set<StreamDecoder>();
    for (let at = first; at < this.frames.length; at += 1) {
      const frame = this.frames[at]!;
      if (frame.pcm === undefined) {
        frame.stream.decodeAt(this.frames, at);
        if (frame.stream !== this.stream) ended.add(frame.stream);
      }
      if (frame.pcm) pcm.push(frame.pcm);
    }
    // A stream that has ended got a decoder back only for this query.
    for (const stream of ended) stream.release();
    return pcm;
  }

  /** Forgets history older than {@link MAX_ANALYSIS_WINDOW_MS}; also runs on every packet and query. */
  public trim(): void {
    this.prune(this.now());
  }

  private prune(nowMs: number): void {
    const cutoff = nowMs - MAX_ANALYSIS_WINDOW_MS - FRAME_DURATION_MS;
    pruneBefore(this.arrivals, cutoff);
    pruneBefore(this.losses, cutoff);
    pruneBefore(this.frames, cutoff);
  }
}
