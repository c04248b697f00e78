/**
 * One guild's player as the protocol sees it: the Lavalink state (track, volume, paused, filters, voice)
 * around an {@link EnginePlayer}, turning engine events into Lavalink `event`/`playerUpdate` messages.
 */
import type {
  EngineEndReason,
  EngineException,
  EnginePlayer,
  EngineTrack,
  Filters,
} from '../engine/engine-contract.js';
import type { VoiceState } from '../rest/parse-player-update.js';
import type { LavalinkTrack } from '../tracks/track-types.js';
import { EMPTY_VOICE, type PlayerJson, type PlayerState } from './player-json.js';

/** Where a player's messages go (its session). */
export interface PlayerSink {
  readonly userId: string;
  send(message: Record<string, unknown>): void;
}

/** A track being played: its Lavalink JSON plus the engine's view. */
export interface PlayableTrack {
  readonly track: LavalinkTrack;
  readonly engineTrack: EngineTrack;
}

export class Player {
  private current: LavalinkTrack | null = null;
  private volume = 100;
  private paused = false;
  private filters: Filters = {};
  private voice: VoiceState | null = null;
  private readonly detach: () => void;

  public constructor(
    public readonly guildId: string,
    private readonly sink: PlayerSink,
    private readonly engine: EnginePlayer,
  ) {
    this.detach = this.wireEvents();
  }

  public get track(): LavalinkTrack | null {
    return this.current;
  }

  public get isPaused(): boolean {
    return this.paused;
  }

  /** Playing = a track is loaded and not paused (for `stats.playingPlayers`). */
  public get isPlaying(): boolean {
    return this.current !== null && !this.paused;
  }

  public state(): PlayerState {
    return {
      time: Date.now(),
      position: this.current === null ? 0 : Math.max(0, Math.round(this.engine.positionMs)),
      connected: this.engine.connected,
      ping: this.engine.connected ? this.engine.ping : -1,
    };
  }

  public toJSON(): PlayerJson {
    const state = this.state();
    const track =
      this.current === null
        ? null
        : { ...this.current, info: { ...this.current.info, position: state.position } };
    return {
      guildId: this.guildId,
      track,
      volume: this.volume,
      paused: this.paused,
      state,
      voice: this.voice ?? EMPTY_VOICE,
      filters: this.filters,
    };
  }

  public sendUpdate(): void {
    this.sink.send({ op: 'playerUpdate', guildId: this.guildId, state: this.state() });
  }

  public connect(voice: VoiceState): void {
    this.voice = voice;
    this.engine.connect({ guildId: this.guildId, userId: this.sink.userId, ...voice });
  }

  /** Starts `next`, reporting the current track as `replaced` first. */
  public play(
    next: PlayableTrack,
    options: { positionMs: number; endTimeMs: number | null; paused: boolean },
  ): void {
    const previous = this.current;
    this.current = next.track;
    this.paused = options.paused;
    if (previous !== null) this.sendEvent('TrackEndEvent', { track: previous, reason: 'replaced' });
    this.engine.play(next.engineTrack, options);
  }

  public stop(): void {
    if (this.current !== null) this.engine.stop();
  }

  public setUserData(userData: Record<string, unknown>): void {
    if (this.current !== null) this.current = { ...this.current, userData };
  }

  public setPaused(paused: boolean): void {
    this.paused = paused;
    this.engine.setPaused(paused);
  }

  public seek(positionMs: number): void {
    if (this.current !== null) this.engine.seek(positionMs);
  }

  public setVolume(volume: number): void {
    this.volume = volume;
    this.engine.setVolume(volume);
  }

  public setFilters(filters: Filters): void {
    this.filters = filters;
    this.engine.setFilters(filters);
  }

  public setEndTime(endTimeMs: number | null): void {
    this.engine.setEndTime(endTimeMs);
  }

  public destroy(): void {
    this.detach();
    this.current = null;
    this.engine.destroy();
  }

  private sendEvent(type: string, fields: Record<string, unknown>): void {
    this.sink.send({ op: 'event', type, guildId: this.guildId, ...fields });
  }

  private wireEvents(): () => void {
    const onStart = (): void => {
      if (this.current === null) return;
      this.sendEvent('TrackStartEvent', { track: this.current });
      this.sendUpdate();
    };
    const onEnd = (reason: EngineEndReason): void => {
      const ended = this.current;
      if (ended === null) return;
      this.current = null;
      this.sendEvent('TrackEndEvent', { track: ended, reason });
    };
    const onException = (exception: EngineException): void => {
      if (this.current !== null) this.sendEvent('TrackExceptionEvent', { track: this.current, exception });
    };
    const onStuck = (thresholdMs: number): void => {
      if (this.current !== null) this.sendEvent('TrackStuckEvent', { track: this.current, thresholdMs });
    };
    const onVoiceReady = (): void => this.sendUpdate();
    const onVoiceClosed = (closed: { code: number; reason: string; byRemote: boolean }): void => {
      this.sendEvent('WebSocketClosedEvent', closed);
      this.sendUpdate();
    };
    this.engine
      .on('trackStart', onStart)
      .on('trackEnd', onEnd)
      .on('trackException', onException)
      .on('trackStuck', onStuck)
      .on('voiceReady', onVoiceReady)
      .on('voiceClosed', onVoiceClosed);
    return () => {
      this.engine
        .off('trackStart', onStart)
        .off('trackEnd', onEnd)
        .off('trackException', onException)
        .off('trackStuck', onStuck)
        .off('voiceReady', onVoiceReady)
        .off('voiceClosed', onVoiceClosed);
    };
  }
}
