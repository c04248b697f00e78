import type { VoiceSink, VoiceSinkFactory, VoiceSinkHooks } from './voice-sink.js';

/**
 * A sink that is ready as soon as it gets voice data and drops every frame (counting them). Benchmarks use
 * it to measure decode + DSP + encode + pacing without a voice server; tests inspect `frames`.
 */
export class NullVoiceSink implements VoiceSink {
  public ready = false;
  public readonly ping = 0;
  public framesSent = 0;
  /** When set, every sent frame is kept here (tests). */
  public readonly frames: Buffer[] | null;

  public constructor(
    private readonly hooks: VoiceSinkHooks,
    keepFrames: boolean,
  ) {
    this.frames = keepFrames ? [] : null;
  }

  public connect(): void {
    if (this.ready) return;
    this.ready = true;
    queueMicrotask(() => this.hooks.onReady());
  }

  public send(opus: Buffer): boolean {
    if (!this.ready) return false;
    this.framesSent++;
    this.frames?.push(opus);
    return true;
  }

  public stopSpeaking(): void {}

  public destroy(): void {
    this.ready = false;
  }
}

/** A factory of {@link NullVoiceSink}s; `created` lists them for inspection. */
export function nullVoiceSinkFactory(options: { keepFrames?: boolean } = {}): VoiceSinkFactory & {
  readonly created: NullVoiceSink[];
} {
  const created: NullVoiceSink[] = [];
  const factory = (_guildId: string, _userId: string, hooks: VoiceSinkHooks): NullVoiceSink => {
    const sink = new NullVoiceSink(hooks, options.keepFrames ?? false);
    created.push(sink);
    return sink;
  };
  return Object.assign(factory, { created });
}
