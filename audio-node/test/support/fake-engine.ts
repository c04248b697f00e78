/**
 * An in-process {@link AudioEngine} for protocol tests: it opens tracks through the real sources (so SSRF
 * checks and range requests run), keeps a wall-clock position, ends tracks at their length or `endTime`,
 * and counts 50 frames per playing second. No decoding, no voice.
 */
import { EventEmitter } from 'node:events';
import type {
  AudioEngine,
  EngineFrameCounters,
  EnginePlayer,
  EnginePlayerEvents,
  EngineTrack,
  Filters,
  VoiceTarget,
} from '../../src/engine/engine-contract.js';

const FRAMES_PER_SECOND = 50;

class FakePlayer extends EventEmitter implements EnginePlayer {
  public track: EngineTrack | null = null;
  public volume = 100;
  public filters: Filters = {};
  public voice: VoiceTarget | null = null;
  public openedBytes = 0;
  public openedFormat: string | null = null;
  private paused = false;
  private basePosition = 0;
  private baseTime = Date.now();
  private endTime: number | null = null;
  private endTimer: NodeJS.Timeout | null = null;
  private playToken = 0;

  public constructor(private readonly engine: FakeEngine) {
    super();
  }

  public get positionMs(): number {
    if (this.track === null) return 0;
    return this.paused ? this.basePosition : this.basePosition + (Date.now() - this.baseTime);
  }

  public get playing(): boolean {
    return this.track !== null && !this.paused;
  }

  public get connected(): boolean {
    return this.voice !== null;
  }

  public get ping(): number {
    return this.voice === null ? -1 : 5;
  }

  public connect(voice: VoiceTarget): void {
    this.voice = voice;
    setImmediate(() => this.emit('voiceReady'));
  }

  public disconnect(): void {
    this.voice = null;
  }

  public play(
    track: EngineTrack,
    options: { positionMs: number; endTimeMs: number | null; paused: boolean },
  ): void {
    this.settleFrames();
    this.track = track;
    this.paused = options.paused;
    this.basePosition = options.positionMs;
    this.baseTime = Date.now();
    this.endTime = options.endTimeMs;
    const token = ++this.playToken;
    void this.openAndStart(track, token);
  }

  private async openAndStart(track: EngineTrack, token: number): Promise<void> {
    try {
      const input = await track.open();
      this.openedFormat = input.format;
      // Read a little to prove the bytes flow, then let go.
      for await (const chunk of input.stream as AsyncIterable<Buffer>) {
        this.openedBytes += chunk.length;
        if (this.openedBytes > 4096) break;
      }
      input.stream.destroy();
    } catch (error) {
      if (token !== this.playToken) return;
      this.track = null;
      this.emit('trackException', {
        message: (error as Error).message,
        severity: 'common',
        cause: 'OpenFailed',
        causeStackTrace: '',
      });
      this.emit('trackEnd', 'loadFailed');
      return;
    }
    if (token !== this.playToken) return;
    this.emit('trackStart');
    this.scheduleEnd();
  }

  private scheduleEnd(): void {
    if (this.endTimer !== null) clearTimeout(this.endTimer);
    this.endTimer = null;
    const track = this.track;
    if (track === null || this.paused) return;
    const limit = this.endTime ?? (track.isStream || track.lengthMs <= 0 ? null : track.lengthMs);
    if (limit === null) return;
    const token = this.playToken;
    this.endTimer = setTimeout(
      () => {
        if (token !== this.playToken) return;
        this.settleFrames();
        this.track = null;
        this.emit('trackEnd', 'finished');
      },
      Math.max(0, limit - this.positionMs),
    );
  }

  public stop(): void {
    if (this.track === null) return;
    this.settleFrames();
    this.playToken++;
    this.track = null;
    this.emit('trackEnd', 'stopped');
  }

  public setPaused(paused: boolean): void {
    this.settleFrames();
    this.basePosition = this.positionMs;
    this.baseTime = Date.now();
    this.paused = paused;
    this.scheduleEnd();
  }

  public seek(positionMs: number): void {
    this.settleFrames();
    this.basePosition = positionMs;
    this.baseTime = Date.now();
    this.scheduleEnd();
  }

  public setVolume(volume: number): void {
    this.volume = volume;
  }

  public setFilters(filters: Filters): void {
    this.filters = filters;
  }

  public setEndTime(endTimeMs: number | null): void {
    this.endTime = endTimeMs;
    this.scheduleEnd();
  }

  private lastSettle = Date.now();

  /** Counts the frames of the time played since the last call; call before every state change. */
  private settleFrames(): void {
    const now = Date.now();
    if (this.playing) this.engine.addPlayedTime(now - this.lastSettle);
    this.lastSettle = now;
  }

  public override on<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this {
    return super.on(event, listener);
  }

  public override off<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this {
    return super.off(event, listener);
  }

  public destroy(): void {
    this.playToken++;
    if (this.endTimer !== null) clearTimeout(this.endTimer);
    this.track = null;
    this.removeAllListeners();
    this.engine.players.delete(this);
  }
}

export class FakeEngine implements AudioEngine {
  public readonly players = new Set<FakePlayer>();
  private frames = { sent: 0, nulled: 0, expected: 0 };
  public closed = false;

  public createPlayer(): FakePlayer {
    const player = new FakePlayer(this);
    this.players.add(player);
    return player;
  }

  public addPlayedTime(ms: number): void {
    const frames = Math.floor((ms / 1000) * FRAMES_PER_SECOND);
    this.frames.sent += frames;
    this.frames.expected += frames;
  }

  /** Simulates lost frames (for frameStats tests). */
  public addFrames(counts: { sent: number; nulled: number; expected: number }): void {
    this.frames.sent += counts.sent;
    this.frames.nulled += counts.nulled;
    this.frames.expected += counts.expected;
  }

  public frameCounters(): EngineFrameCounters {
    return { ...this.frames };
  }

  public close(): Promise<void> {
    this.closed = true;
    for (const player of [...this.players]) player.destroy();
    return Promise.resolve();
  }
}

export type { FakePlayer };
