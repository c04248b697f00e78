/**
 * The contract between the audio node's protocol side (REST, WebSocket, sessions, track loading) and its
 * playback engine (decode, resample, filters, volume, Opus, pacing, Discord voice). The protocol side
 * validates everything before it calls the engine; the engine never sees raw client JSON.
 */
import type { Readable } from 'node:stream';

/** Voice data a client PATCHes, plus the bot's user id from the WebSocket `User-Id` header. */
export interface VoiceTarget {
  readonly guildId: string;
  readonly userId: string;
  readonly channelId: string;
  readonly sessionId: string;
  readonly token: string;
  readonly endpoint: string;
}

/** An opened byte stream of a track, produced by the protocol side's sources (SSRF checks already applied). */
export interface OpenedInput {
  readonly stream: Readable;
  /** Container or codec hint: `wav`, `mp3`, `flac`, `ogg-vorbis`, `ogg-opus`, `webm-opus`, or a MIME type. */
  readonly format: string;
  /** Byte offset the stream starts at, when the source honoured a range request. */
  readonly startByte?: number;
}

/** What the engine needs to play one track. */
export interface EngineTrack {
  /** Stable id for logs. */
  readonly identifier: string;
  readonly isStream: boolean;
  readonly isSeekable: boolean;
  readonly lengthMs: number;
  /** Opens the bytes; called again on seek or on a stream reconnect. `fromByte` is a hint the source may ignore. */
  open(fromByte?: number): Promise<OpenedInput>;
}

/** Lavalink v4 filter object, already range-checked by the protocol side. Absent = off. */
export interface Filters {
  readonly volume?: number;
  readonly equalizer?: readonly { readonly band: number; readonly gain: number }[];
  readonly karaoke?: {
    readonly level?: number;
    readonly monoLevel?: number;
    readonly filterBand?: number;
    readonly filterWidth?: number;
  };
  readonly timescale?: { readonly speed?: number; readonly pitch?: number; readonly rate?: number };
  readonly tremolo?: { readonly frequency?: number; readonly depth?: number };
  readonly vibrato?: { readonly frequency?: number; readonly depth?: number };
  readonly rotation?: { readonly rotationHz?: number };
  readonly distortion?: {
    readonly sinOffset?: number;
    readonly sinScale?: number;
    readonly cosOffset?: number;
    readonly cosScale?: number;
    readonly tanOffset?: number;
    readonly tanScale?: number;
    readonly offset?: number;
    readonly scale?: number;
  };
  readonly channelMix?: {
    readonly leftToLeft?: number;
    readonly leftToRight?: number;
    readonly rightToLeft?: number;
    readonly rightToRight?: number;
  };
  readonly lowPass?: { readonly smoothing?: number };
  readonly pluginFilters?: Readonly<Record<string, unknown>>;
}

/** Why a track ended, in Lavalink's words. `replaced` is decided by the protocol side. */
export type EngineEndReason = 'finished' | 'loadFailed' | 'stopped' | 'cleanup';

export interface EngineException {
  readonly message: string;
  readonly severity: 'common' | 'suspicious' | 'fault';
  readonly cause: string;
  readonly causeStackTrace: string;
}

/** Events one player emits; the protocol side turns them into Lavalink WebSocket messages. */
export interface EnginePlayerEvents {
  trackStart: () => void;
  trackEnd: (reason: EngineEndReason) => void;
  trackException: (exception: EngineException) => void;
  trackStuck: (thresholdMs: number) => void;
  voiceReady: () => void;
  voiceClosed: (closed: { code: number; reason: string; byRemote: boolean }) => void;
}

/** One guild's player inside the engine. All setters take effect within 200 ms. */
export interface EnginePlayer {
  /** Connects or reconnects voice with fresh voice data. */
  connect(voice: VoiceTarget): void;
  disconnect(): void;
  /** Starts `track`, stopping whatever played (without a trackEnd for the old one: the protocol side reports `replaced`). */
  play(track: EngineTrack, options: { positionMs: number; endTimeMs: number | null; paused: boolean }): void;
  /** Stops the current track; emits trackEnd('stopped'). */
  stop(): void;
  setPaused(paused: boolean): void;
  seek(positionMs: number): void;
  /** Player volume in Lavalink's percent, 0-1000 (100 = unity). */
  setVolume(volume: number): void;
  setFilters(filters: Filters): void;
  setEndTime(endTimeMs: number | null): void;
  readonly positionMs: number;
  readonly playing: boolean;
  readonly connected: boolean;
  /** Voice gateway ping in ms, -1 when not connected. */
  readonly ping: number;
  on<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this;
  off<E extends keyof EnginePlayerEvents>(event: E, listener: EnginePlayerEvents[E]): this;
  destroy(): void;
}

/** Frames since the engine started, for `stats.frameStats` (the protocol side turns them into per-minute figures). */
export interface EngineFrameCounters {
  readonly sent: number;
  readonly nulled: number;
  /** Frames that should have gone out for the time players were playing. */
  readonly expected: number;
}

/** The playback engine: one per audio node process. */
export interface AudioEngine {
  createPlayer(guildId: string, userId: string): EnginePlayer;
  frameCounters(): EngineFrameCounters;
  close(): Promise<void>;
}
