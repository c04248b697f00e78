import { EventEmitter } from 'node:events';
import type { Logger } from '@discord-bot/logger';
import type { VoiceSink, VoiceSinkFactory } from '../voice/voice-sink.js';
import { FRAME_DURATION_MS, OPUS_SILENCE_FRAME, SILENCE_TAIL_FRAMES } from './constants.js';
import type {
  EngineEndReason,
  EnginePlayer,
  EnginePlayerEvents,
  EngineTrack,
  Filters,
  VoiceTarget,
} from './engine-contract.js';
import type { EngineMetrics } from './engine-metrics.js';
import { TrackSession } from './track-session.js';
import type { FromWorker, SendToWorker } from './worker/worker-protocol.js';

export interface PlayerDependencies {
  readonly guildId: string;
  readonly userId: string;
  readonly logger: Logger;
  readonly metrics: EngineMetrics;
  readonly voice: VoiceSinkFactory;
  readonly worker: { readonly id: number; readonly send: SendToWorker };
  readonly stuckThresholdMs: number;
  readonly cleanupThresholdMs: number;
  readonly onDestroy: (player: Player) => void;
}

/**
 * One guild's player. The engine's clock calls {@link tick} every 20 ms; each tick sends at most one frame,
 * and counts it honestly: `expected` for every slot while playing and connected (from the track's first
 * frame on), `sent` for frames the voice connection took, `nulled` when no frame was ready.
 */
export class Player extends EventEmitter implements EnginePlayer {
  private session: TrackSession | null = null;
  private sink: VoiceSink | null = null;
  private paused = false;
  private volume = 100;
  private filters: Filters = {};
  private endTimeMs: number | null = null;
  private position = 0;
  private audible = false;
  private silenceLeft = 0;
  private starvedTicks = 0;
  private stuckReported = false;
  private unreadTicks = 0;
  private destroyed = false;

  public constructor(private readonly deps: PlayerDependencies) {
    super();
  }

  public get positionMs(): number {
    return this.session === null ? 0 : Math.max(0, Math.round(this.position));
  }

  public get playing(): boolean {
    return this.session !== null && !this.paused;
  }

  public get connected(): boolean {
    return this.sink?.ready ?? false;
  }

  public get ping(): number {
    return this.sink?.ping ?? -1;
  }

  public override on<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this {
    return super.on(event, listener);
  }

  public override off<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this {
    return super.off(event, listener);
  }

  public connect(voice: VoiceTarget): void {
    this.sink ??= this.deps.voice(this.deps.guildId, this.deps.userId, {
      onReady: () => {
        this.emit('voiceReady');
        this.startEarly();
      },
      onClosed: (closed) => this.emit('voiceClosed', closed),
    });
    this.sink.connect(voice);
  }

  public disconnect(): void {
    this.sink?.destroy();
    this.sink = null;
  }

  public play(
    track: EngineTrack,
    options: { positionMs: number; endTimeMs: number | null; paused: boolean },
  ): void {
    this.closeSession();
    this.paused = options.paused;
    this.endTimeMs = options.endTimeMs;
    this.position = options.positionMs;
    this.audible = false;
    this.resetWatchdogs();
    const session = new TrackSession({
      track,
      playerId: this.deps.worker.id,
      send: this.deps.worker.send,
      metrics: this.deps.metrics,
      logger: this.deps.logger,
      filters: this.filters,
      volume: this.volume,
      onFatal: (exception) => {
        if (this.session !== session) return;
        this.emit('trackException', exception);
        this.end('loadFailed');
      },
      onFrames: () => {
        if (this.session === session) this.startEarly();
      },
    });
    this.session = session;
    queueMicrotask(() => {
      if (this.session === session) this.emit('trackStart');
    });
    session.start(options.positionMs);
  }

  public stop(): void {
    if (this.session !== null) this.end('stopped');
  }

  public setPaused(paused: boolean): void {
    this.paused = paused;
  }

  public seek(positionMs: number): void {
    if (this.session === null || !this.session.seekable) return;
    this.position = positionMs;
    this.resetWatchdogs();
    this.session.seek(positionMs);
  }

  public setVolume(volume: number): void {
    this.volume = volume;
    this.session?.configure(this.filters, volume);
  }

  public setFilters(filters: Filters): void {
    this.filters = filters;
    this.session?.configure(filters, this.volume);
  }

  public setEndTime(endTimeMs: number | null): void {
    this.endTimeMs = endTimeMs;
  }

  public destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.closeSession();
    this.disconnect();
    this.removeAllListeners();
    this.deps.onDestroy(this);
  }

  /** Routes a worker message to the current track. */
  public onWorkerMessage(message: FromWorker): void {
    this.session?.onWorkerMessage(message);
  }

  /** True while this player's slots count toward the frame statistics. */
  public get counting(): boolean {
    return this.session !== null && !this.paused && this.audible && this.connected;
  }

  /** One 20 ms slot. */
  public tick(): void {
    const session = this.session;
    const sink = this.sink;
    if (session === null || sink?.ready !== true) {
      if (session !== null) this.checkUnread();
      this.sendSilence(sink);
      return;
    }
    this.unreadTicks = 0;
    if (this.paused) return this.sendSilence(sink);
    if (session.finished) return this.end('finished');
    const frame = session.take();
    if (frame === null) {
      if (this.audible) {
        this.deps.metrics.expected++;
        this.deps.metrics.nulled++;
      }
      return this.checkStuck();
    }
    this.audible = true;
    this.deps.metrics.expected++;
    if (sink.send(frame.opus)) this.deps.metrics.sent++;
    this.position = frame.positionMs;
    this.silenceLeft = SILENCE_TAIL_FRAMES;
    this.starvedTicks = 0;
    this.stuckReported = false;
    if (this.endTimeMs !== null && this.position >= this.endTimeMs) this.end('finished');
    else if (session.finished) this.end('finished');
  }

  /**
   * A track's first frame goes out as soon as it and the voice connection are both there, instead of at the
   * clock's next slot (up to 20 ms later): someone just asked for it. The frames after it keep the clock's
   * pace, so the stream runs less than one frame ahead of it, which receivers' jitter buffers take as is.
   */
  private startEarly(): void {
    if (this.audible || this.paused || this.session === null || this.session.buffered === 0) return;
    if (this.sink?.ready !== true) return;
    this.tick();
  }

  /** Slots lost to a blocked event loop: a deficit for every player that should have sent. */
  public skipped(count: number): void {
    if (this.counting) this.deps.metrics.expected += count;
  }

  private end(reason: EngineEndReason): void {
    this.closeSession();
    this.emit('trackEnd', reason);
  }

  private closeSession(): void {
    this.session?.close();
    this.session = null;
    this.position = 0;
  }

  private resetWatchdogs(): void {
    this.starvedTicks = 0;
    this.stuckReported = false;
    this.unreadTicks = 0;
  }

  /** Opus silence after audio stops, so listeners' decoders fade out cleanly; then clear speaking. */
  private sendSilence(sink: VoiceSink | null): void {
    if (this.silenceLeft === 0 || sink === null) return;
    this.silenceLeft--;
    sink.send(OPUS_SILENCE_FRAME);
    if (this.silenceLeft === 0) sink.stopSpeaking();
  }

  private checkStuck(): void {
    this.starvedTicks++;
    if (this.stuckReported || this.starvedTicks * FRAME_DURATION_MS < this.deps.stuckThresholdMs) return;
    this.stuckReported = true;
    this.deps.logger.warn({ guildId: this.deps.guildId }, 'track stuck: no audio within the threshold');
    this.emit('trackStuck', this.deps.stuckThresholdMs);
  }

  /** Lavalink ends a track nobody reads audio from (no voice connection) with `cleanup`. */
  private checkUnread(): void {
    this.unreadTicks++;
    if (this.unreadTicks * FRAME_DURATION_MS >= this.deps.cleanupThresholdMs) this.end('cleanup');
  }
}
