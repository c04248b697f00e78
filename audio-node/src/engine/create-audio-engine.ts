import type { Registry } from 'prom-client';
import type { Logger } from '@discord-bot/logger';
import { discordVoiceSinkFactory } from '../voice/discord-voice-sink.js';
import type { VoiceSinkFactory } from '../voice/voice-sink.js';
import { CLEANUP_THRESHOLD_MS, TRACK_STUCK_THRESHOLD_MS } from './constants.js';
import type { AudioEngine, EngineFrameCounters, EnginePlayer } from './engine-contract.js';
import { EngineMetrics } from './engine-metrics.js';
import { Player } from './engine-player.js';
import { FrameClock } from './frame-clock.js';
import { WorkerPool } from './worker/worker-pool.js';

export interface AudioEngineOptions {
  readonly logger: Logger;
  /** Where decode/encode histograms and frame counters are registered; none when absent. */
  readonly registry?: Registry;
  /** Where frames go; real Discord voice by default. */
  readonly voice?: VoiceSinkFactory;
  /** DAVE end-to-end encryption for the default voice sinks (default true). */
  readonly dave?: boolean;
  /** Pipeline worker threads (default: one per core, at most 4). */
  readonly workers?: number;
  /**
   * ffmpeg binary for containers without a built-in decoder (AAC, ...): default the first `ffmpeg` on
   * PATH; `null` disables ffmpeg (such tracks fail with a clear `DECODER_FFMPEG_MISSING`).
   */
  readonly ffmpegPath?: string | null;
  /** Forces the WASM `opusscript` encoder (default: native `@discordjs/opus`, falling back to it). */
  readonly opus?: 'native' | 'opusscript';
  readonly stuckThresholdMs?: number;
  readonly cleanupThresholdMs?: number;
}

/**
 * Creates the playback engine: players whose tracks are decoded, filtered and Opus-encoded in a pool of
 * worker threads and paced onto voice connections by one drift-free 20 ms clock on the main thread.
 *
 * @example
 * const engine = createAudioEngine({ logger, registry });
 * const player = engine.createPlayer(guildId, botUserId);
 * player.connect(voice);
 * player.play(track, { positionMs: 0, endTimeMs: null, paused: false });
 */
export function createAudioEngine(options: AudioEngineOptions): AudioEngine {
  const metrics = new EngineMetrics(options.registry);
  const pool = new WorkerPool(options.logger, options.workers, {
    ffmpegPath: options.ffmpegPath,
    opus: options.opus,
  });
  const players = new Set<Player>();
  const voice =
    options.voice ?? discordVoiceSinkFactory({ logger: options.logger, dave: options.dave ?? true });
  const clock = new FrameClock({
    tick: () => {
      for (const player of players) player.tick();
    },
    skipped: (count) => {
      for (const player of players) player.skipped(count);
    },
  });

  return {
    createPlayer(guildId: string, userId: string): EnginePlayer {
      let player: Player | null = null;
      const worker = pool.attach((message) => player?.onWorkerMessage(message));
      player = new Player({
        guildId,
        userId,
        logger: options.logger.child({ guildId }),
        metrics,
        voice,
        worker,
        stuckThresholdMs: options.stuckThresholdMs ?? TRACK_STUCK_THRESHOLD_MS,
        cleanupThresholdMs: options.cleanupThresholdMs ?? CLEANUP_THRESHOLD_MS,
        onDestroy: (destroyed) => {
          players.delete(destroyed);
          pool.detach(worker.id);
          if (players.size === 0) clock.end();
        },
      });
      players.add(player);
      clock.begin();
      return player;
    },
    frameCounters(): EngineFrameCounters {
      return metrics.snapshot();
    },
    async close(): Promise<void> {
      for (const player of [...players]) player.destroy();
      clock.end();
      await pool.close();
    },
  };
}
