import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { Logger } from '@discord-bot/logger';
import { spawnPipelineWorker } from './spawn-pipeline-worker.js';
import type {
  FromWorker,
  FromWorkerBatch,
  PipelineWorkerData,
  SendToWorker,
  ToWorker,
  ToWorkerBatch,
} from './worker-protocol.js';

/** Receives the messages of one player. */
export type PlayerMessageHandler = (message: FromWorker) => void;

/** Pipeline workers; the default is one per core, capped, since each runs codecs flat out when busy. */
export const MAX_PIPELINE_WORKERS = 4;
/** Worker crashes tolerated within {@link CRASH_WINDOW_MS} before the pool stops replacing workers. */
export const MAX_CRASHES_PER_WINDOW = 5;
export const CRASH_WINDOW_MS = 60_000;
/** How long a worker gets to exit on its own at shutdown before it is terminated. */
export const WORKER_SHUTDOWN_TIMEOUT_MS = 2_000;

interface PooledWorker {
  readonly worker: Worker;
  players: number;
  /** Messages of the current task, posted together once it ends (see {@link ToWorkerBatch}). */
  readonly outbox: ToWorker[];
  readonly transfer: ArrayBuffer[];
}

/**
 * A small pool of pipeline workers. Each player is pinned to the least-loaded worker for its lifetime
 * (codec state lives there); messages come back to the player's handler.
 */
export class WorkerPool {
  private readonly workers: PooledWorker[] = [];
  private readonly handlers = new Map<number, PlayerMessageHandler>();
  private readonly assignment = new Map<number, PooledWorker>();
  private nextId = 1;
  private closed = false;
  private readonly crashes: number[] = [];

  public constructor(
    private readonly logger: Logger,
    private readonly size = Math.min(MAX_PIPELINE_WORKERS, Math.max(1, availableParallelism())),
    private readonly workerData: PipelineWorkerData = { ffmpegPath: undefined, opus: undefined },
  ) {}

  /** Registers a player and returns its id and a sender bound to its worker. */
  public attach(handler: PlayerMessageHandler): { id: number; send: SendToWorker } {
    const id = this.nextId++;
    const pooled = this.leastLoaded();
    pooled.players++;
    this.handlers.set(id, handler);
    this.assignment.set(id, pooled);
    return {
      id,
      send: (message, transfer) => {
        const assigned = this.assignment.get(id);
        if (assigned !== undefined) this.enqueue(assigned, message, transfer);
      },
    };
  }

  public detach(id: number): void {
    const pooled = this.assignment.get(id);
    if (pooled === undefined) return;
    this.enqueue(pooled, { type: 'release', player: id });
    pooled.players--;
    this.assignment.delete(id);
    this.handlers.delete(id);
  }

  /**
   * Asks every worker to exit between tasks, and terminates any that does not within
   * {@link WORKER_SHUTDOWN_TIMEOUT_MS}: `terminate()` alone can interrupt a native Opus call mid-way, which
   * aborts the whole process.
   */
  public async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.workers.map(async (pooled) => {
        const { worker } = pooled;
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        this.enqueue(pooled, { type: 'shutdown', player: 0 });
        this.flush(pooled);
        const timer = setTimeout(() => void worker.terminate(), WORKER_SHUTDOWN_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      }),
    );
    this.workers.length = 0;
  }

  /** Queues a message; the task's messages for this worker go out together when the task ends. */
  private enqueue(pooled: PooledWorker, message: ToWorker, transfer: readonly ArrayBuffer[] = []): void {
    if (pooled.outbox.length === 0) queueMicrotask(() => this.flush(pooled));
    pooled.outbox.push(message);
    pooled.transfer.push(...transfer);
  }

  private flush(pooled: PooledWorker): void {
    if (pooled.outbox.length === 0) return;
    const batch: ToWorkerBatch = pooled.outbox.splice(0);
    pooled.worker.postMessage(batch, pooled.transfer.splice(0));
  }

  private leastLoaded(): PooledWorker {
    if (this.workers.length < this.size) return this.spawn();
    return this.workers.reduce((best, candidate) => (candidate.players < best.players ? candidate : best));
  }

  private spawn(): PooledWorker {
    const pooled: PooledWorker = {
      worker: spawnPipelineWorker(this.workerData),
      players: 0,
      outbox: [],
      transfer: [],
    };
    pooled.worker.on('message', (batch: FromWorkerBatch) => {
      for (const message of batch) this.handlers.get(message.player)?.(message);
    });
    pooled.worker.on('error', (error) => this.logger.error({ err: error }, 'pipeline worker crashed'));
    pooled.worker.on('exit', (code) => this.onExit(pooled, code));
    // Workers must not keep the process alive on their own: players do, through their sources and timers.
    pooled.worker.unref();
    this.workers.push(pooled);
    return pooled;
  }

  /**
   * A crashed worker fails its players' current tracks; they move to another worker for their next ones.
   * A worker that keeps crashing (say, a codec that cannot load) is not respawned in a loop.
   */
  private onExit(pooled: PooledWorker, code: number): void {
    const index = this.workers.indexOf(pooled);
    if (index >= 0) this.workers.splice(index, 1);
    if (this.closed) return;
    const now = Date.now();
    this.crashes.push(now);
    while ((this.crashes[0] ?? now) < now - CRASH_WINDOW_MS) this.crashes.shift();
    const respawn = this.crashes.length <= MAX_CRASHES_PER_WINDOW;
    this.logger.error({ code, respawn }, 'pipeline worker exited; failing its tracks');
    for (const [id, assigned] of this.assignment) {
      if (assigned !== pooled) continue;
      this.handlers.get(id)?.({
        type: 'error',
        player: id,
        gen: -1,
        code: 'WORKER_EXITED',
        message: 'pipeline worker exited',
      });
      if (!respawn && this.workers.length === 0) {
        this.assignment.delete(id);
        continue;
      }
      const replacement = respawn ? this.leastLoaded() : this.pickExisting();
      replacement.players++;
      this.assignment.set(id, replacement);
    }
  }

  private pickExisting(): PooledWorker {
    return this.workers.reduce((best, candidate) => (candidate.players < best.players ? candidate : best));
  }
}
