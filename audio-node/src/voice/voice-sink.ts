import type { VoiceTarget } from '../engine/engine-contract.js';

/** What a sink reports back to its player. */
export interface VoiceSinkHooks {
  onReady(): void;
  onClosed(closed: { code: number; reason: string; byRemote: boolean }): void;
}

/**
 * Where a player's paced Opus frames go: a Discord voice connection, or nowhere (benchmarks, tests).
 * The player calls `send` once per 20 ms tick; the sink never buffers or paces on its own.
 */
export interface VoiceSink {
  /** True when a frame sent now would reach the listeners. */
  readonly ready: boolean;
  /** Voice gateway round trip in ms, -1 when unknown or not connected. */
  readonly ping: number;
  /** (Re)connects with fresh voice data from the client. */
  connect(voice: VoiceTarget): void;
  /** Sends one encoded 20 ms frame; false when it could not be sent. */
  send(opus: Buffer): boolean;
  /** Clears the speaking flag after the silence tail. */
  stopSpeaking(): void;
  destroy(): void;
}

/** Creates a sink for one guild's player of one bot (client user id). */
export type VoiceSinkFactory = (guildId: string, userId: string, hooks: VoiceSinkHooks) => VoiceSink;
