import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import { ACK_BATCH_MS, RETRY_DELAY_MS } from '../constants.js';

/** Where an {@link AckBatch} acknowledges, and whom it tells. */
export interface AckBatchOptions {
  readonly redis: Redis;
  readonly stream: string;
  readonly group: string;
  readonly logger: Logger;
  /** Called once per delivery when its acknowledgement has landed. */
  readonly onAcknowledged: (deliveryId: string) => void;
}

/**
 * Acknowledges answered deliveries (XACK + XDEL: the stream only keeps commands not yet answered) in one
 * round trip per batch, off the critical path of the reply: the reply is stored first, so a delivery whose
 * acknowledgement did not land yet is replayed, not run again, by whoever reclaims it. Failed batches are
 * retried until they land.
 */
export class AckBatch {
  readonly #options: AckBatchOptions;
  #waiting: string[] = [];
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> | undefined;
  #abandoned = false;

  public constructor(options: AckBatchOptions) {
    this.#options = options;
  }

  /** Queues `deliveryId` for the next batch. */
  public add(deliveryId: string): void {
    this.#waiting.push(deliveryId);
    this.#timer ??= setTimeout(() => void this.#flushRetrying(), ACK_BATCH_MS);
  }

  /** Acknowledges everything queued now; rejects when it could not (it stays queued). */
  public async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#flushing;
    const ids = this.#waiting;
    if (ids.length === 0 || this.#abandoned) return;
    this.#waiting = [];
    const { redis, stream, group, onAcknowledged } = this.#options;
    const flushing = (async () => {
      try {
        // No transaction needed: an entry acknowledged but not yet deleted is never handed out again.
        // Two commands, no pipeline: see storeAndPublishReply for what Pipeline objects cost.
        await Promise.all([redis.xack(stream, group, ...ids), redis.xdel(stream, ...ids)]);
      } catch (error) {
        this.#waiting = [...ids, ...this.#waiting];
        throw error;
      }
      for (const id of ids) onAcknowledged(id);
    })();
    this.#flushing = flushing.catch(() => undefined);
    await flushing;
  }

  /** Forgets everything queued (a crash, for tests): those entries stay pending and are reclaimed. */
  public abandon(): void {
    this.#abandoned = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting = [];
  }

  async #flushRetrying(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      if (this.#abandoned) return;
      this.#options.logger.warn({ err: error }, 'could not acknowledge answered commands; retrying');
      this.#timer ??= setTimeout(() => void this.#flushRetrying(), RETRY_DELAY_MS);
    }
  }
}
