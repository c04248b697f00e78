/**
 * Builds Lavalink `stats`. `frameStats` are honest per-minute figures from the engine's frame counters:
 * each minute's deltas, averaged per player-minute of expected audio (3000 frames = one player for 60 s),
 * as Lavalink averages per player. `null` until a minute with audio has passed.
 */
import { cpus, loadavg } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { AudioEngine, EngineFrameCounters } from '../engine/engine-contract.js';
import type { SessionRegistry } from './session-registry.js';

export const FRAMES_PER_PLAYER_MINUTE = 3_000;

export interface FrameStats {
  readonly sent: number;
  readonly nulled: number;
  readonly deficit: number;
}

export class StatsCollector {
  private readonly startedAt = Date.now();
  private lastCounters: EngineFrameCounters;
  private lastFrameStats: FrameStats | null = null;
  private lastCpu = process.cpuUsage();
  private lastCpuAt = process.hrtime.bigint();
  private cpuLoad = 0;

  public constructor(
    private readonly engine: AudioEngine,
    private readonly registry: SessionRegistry,
  ) {
    this.lastCounters = engine.frameCounters();
  }

  /** Closes the current minute: computes its frame stats and CPU load. Call every 60 s. */
  public tick(): void {
    const now = this.engine.frameCounters();
    const sent = now.sent - this.lastCounters.sent;
    const nulled = now.nulled - this.lastCounters.nulled;
    const expected = now.expected - this.lastCounters.expected;
    this.lastCounters = now;
    const playerMinutes = expected / FRAMES_PER_PLAYER_MINUTE;
    this.lastFrameStats =
      expected <= 0
        ? null
        : {
            sent: Math.round(sent / playerMinutes),
            nulled: Math.round(nulled / playerMinutes),
            deficit: Math.max(0, Math.round((expected - sent) / playerMinutes)),
          };
    this.sampleCpu();
  }

  /** Cumulative totals since start (for `/metrics`). */
  public totals(): EngineFrameCounters {
    return this.engine.frameCounters();
  }

  private sampleCpu(): void {
    const usage = process.cpuUsage(this.lastCpu);
    const at = process.hrtime.bigint();
    const elapsedUs = Number(at - this.lastCpuAt) / 1_000;
    this.lastCpu = process.cpuUsage();
    this.lastCpuAt = at;
    if (elapsedUs > 0) this.cpuLoad = (usage.user + usage.system) / elapsedUs / cpus().length;
  }

  /** The `stats` object (without `op`); `withFrameStats` false for `GET /v4/stats`, as real Lavalink. */
  public build(withFrameStats: boolean): Record<string, unknown> {
    if (this.cpuLoad === 0) this.sampleCpu();
    const { players, playing } = this.registry.playerCounts();
    const memory = process.memoryUsage();
    const cores = cpus().length;
    const stats: Record<string, unknown> = {
      players,
      playingPlayers: playing,
      uptime: Date.now() - this.startedAt,
      memory: {
        free: memory.heapTotal - memory.heapUsed,
        used: memory.heapUsed,
        allocated: memory.heapTotal,
        reservable: getHeapStatistics().heap_size_limit,
      },
      cpu: {
        cores,
        systemLoad: Math.min(1, (loadavg()[0] ?? 0) / cores),
        lavalinkLoad: Math.min(1, this.cpuLoad),
      },
    };
    if (withFrameStats) stats.frameStats = this.lastFrameStats;
    return stats;
  }
}
