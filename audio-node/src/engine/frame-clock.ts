import { FRAME_DURATION_MS, MAX_CATCH_UP_FRAMES } from './constants.js';

/** What the clock asks of its owner on each 20 ms boundary. */
export interface FrameClockListener {
  /** One frame slot is due now. */
  tick(): void;
  /** `count` slots passed while the event loop was blocked and will not be sent (a real deficit). */
  skipped(count: number): void;
}

/**
 * A drift-free 20 ms clock: tick `k` is scheduled for `start + k x 20 ms` on the monotonic clock, so timer
 * lateness never accumulates (unlike `setInterval`). A late wake-up sends the missed slots back to back up
 * to {@link MAX_CATCH_UP_FRAMES}; longer stalls are reported as skipped slots.
 */
export class FrameClock {
  private start = 0;
  private slot = 0;
  private timer: NodeJS.Timeout | null = null;

  public constructor(
    private readonly listener: FrameClockListener,
    private readonly now: () => number = () => performance.now(),
  ) {}

  public get running(): boolean {
    return this.timer !== null;
  }

  public begin(): void {
    if (this.timer !== null) return;
    this.start = this.now();
    this.slot = 0;
    this.schedule();
  }

  public end(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    const next = this.start + (this.slot + 1) * FRAME_DURATION_MS;
    this.timer = setTimeout(() => this.fire(), Math.max(0, next - this.now()));
  }

  private fire(): void {
    const due = Math.floor((this.now() - this.start) / FRAME_DURATION_MS);
    const pending = due - this.slot;
    const run = Math.min(pending, MAX_CATCH_UP_FRAMES);
    this.slot = due;
    for (let index = 0; index < run && this.timer !== null; index++) this.listener.tick();
    if (pending > run) this.listener.skipped(pending - run);
    if (this.timer !== null) this.schedule();
  }
}
