import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import { FANOUT_STREAM_MAX_LENGTH, RETRY_DELAY_MS, STREAM_BLOCK_MS } from '../constants.js';
import type { FanOutTransport, Unsubscribe } from '../bus/event-bus.js';
import { ownConnection } from './own-connection.js';
import { closeGracefully } from './close-gracefully.js';

/** Tunables of {@link RedisStreamFanOutTransport}. */
export interface RedisStreamFanOutOptions {
  /** Approximate number of messages kept per stream (what a reconnecting reader can catch up on). */
  readonly maxLength?: number;
  readonly blockMs?: number;
}

/**
 * Fan-out over Redis Streams read with XREAD (no group: every subscriber sees every message). Each subscriber
 * remembers the last id it read, so after a disconnect it resumes where it stopped, in order, without gaps
 * (within the trimmed length). Used for `to-audio` and `to-discord`.
 */
export class RedisStreamFanOutTransport implements FanOutTransport {
  readonly #template: Redis;
  readonly #logger: Logger;
  readonly #publisher: Redis;
  readonly #maxLength: number;
  readonly #blockMs: number;
  readonly #readers = new Set<Redis>();
  #closed = false;

  public constructor(redis: Redis, logger: Logger, options: RedisStreamFanOutOptions = {}) {
    this.#template = redis;
    this.#logger = logger;
    this.#publisher = ownConnection(redis, logger, 'stream-publisher');
    this.#maxLength = options.maxLength ?? FANOUT_STREAM_MAX_LENGTH;
    this.#blockMs = options.blockMs ?? STREAM_BLOCK_MS;
  }

  public async publish(channel: string, text: string): Promise<void> {
    await this.#publisher.xadd(channel, 'MAXLEN', '~', this.#maxLength, '*', 'm', text);
  }

  public async subscribe(channel: string, onText: (text: string) => void): Promise<Unsubscribe> {
    const reader = ownConnection(this.#template, this.#logger, 'stream-reader');
    this.#readers.add(reader);
    const last = (await reader.xrevrange(channel, '+', '-', 'COUNT', 1)) as [string, string[]][];
    let cursor = last[0]?.[0] ?? '0-0';
    let active = true;
    const loop = (async () => {
      while (active && !this.#closed) {
        try {
          const reply = await reader.xread('COUNT', 100, 'BLOCK', this.#blockMs, 'STREAMS', channel, cursor);
          for (const [id, fields] of reply?.[0]?.[1] ?? []) {
            cursor = id;
            const index = fields.indexOf('m');
            onText(index >= 0 ? (fields[index + 1] ?? '') : '');
          }
        } catch {
          if (!active || this.#closed) break;
          // Disconnected: ioredis reconnects by itself; resume from the cursor afterwards.
          await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
        }
      }
    })();
    return async () => {
      active = false;
      reader.disconnect();
      this.#readers.delete(reader);
      await loop;
    };
  }

  public async close(): Promise<void> {
    this.#closed = true;
    for (const reader of this.#readers) reader.disconnect();
    this.#readers.clear();
    await closeGracefully(this.#publisher);
  }
}
