import { Counter, Histogram, type Registry } from 'prom-client';
import type { EngineFrameCounters } from './engine-contract.js';
import type { RenderTimings } from './worker/worker-protocol.js';

/** Seconds buckets for per-call codec timings: 20 us to 20 ms (a decode slice or one Opus frame). */
const CODEC_BUCKETS = [0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02];

/** Frame counters (plain numbers, cheap per frame) plus optional Prometheus metrics reading them. */
export class EngineMetrics implements EngineFrameCounters {
  public sent = 0;
  public nulled = 0;
  public expected = 0;
  private readonly decode: Histogram | null = null;
  private readonly encode: Histogram | null = null;

  public constructor(registry?: Registry) {
    if (registry === undefined) return;
    const registers = [registry];
    this.decode = new Histogram({
      name: 'audio_node_decode_seconds',
      help: 'Time to decode one input slice (up to 16 KiB) in a pipeline worker',
      buckets: CODEC_BUCKETS,
      registers,
    });
    this.encode = new Histogram({
      name: 'audio_node_encode_seconds',
      help: 'Time to Opus-encode one 20 ms frame in a pipeline worker (mean of each rendered batch)',
      buckets: CODEC_BUCKETS,
      registers,
    });
    const counter = (name: string, help: string, read: () => number): void => {
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    };
    counter('audio_node_frames_sent_total', 'Opus frames handed to voice connections', () => this.sent);
    counter(
      'audio_node_frames_nulled_total',
      'Frame slots with no audio ready while playing',
      () => this.nulled,
    );
    counter(
      'audio_node_frames_expected_total',
      'Frame slots while playing and connected',
      () => this.expected,
    );
  }

  public observe(timings: RenderTimings): void {
    if (this.decode !== null) for (const seconds of timings.decode) this.decode.observe(seconds);
    if (this.encode !== null && timings.encodePerFrame !== null) this.encode.observe(timings.encodePerFrame);
  }

  public snapshot(): EngineFrameCounters {
    return { sent: this.sent, nulled: this.nulled, expected: this.expected };
  }
}
