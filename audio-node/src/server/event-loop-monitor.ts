import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** Event-loop delay percentiles for `/metrics` (a stuttering loop means late audio frames). */
export class EventLoopMonitor {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  public start(): void {
    this.histogram.enable();
  }

  public stop(): void {
    this.histogram.disable();
  }

  /** Milliseconds. */
  public snapshot(): { p50: number; p99: number; max: number } {
    const ms = (ns: number): number => ns / 1e6;
    return {
      p50: ms(this.histogram.percentile(50)),
      p99: ms(this.histogram.percentile(99)),
      max: ms(this.histogram.max),
    };
  }
}
