import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { FanOutTransport, Unsubscribe } from '../bus/event-bus.js';
import { ownConnection } from './own-connection.js';
import { closeGracefully } from './close-gracefully.js';

/**
 * Fan-out over Redis pub/sub: the lowest latency, no buffering. A subscriber that is disconnected misses what
 * was published meanwhile (ioredis resubscribes by itself when the connection comes back).
 */
export class RedisPubSubTransport implements FanOutTransport {
  readonly #publisher: Redis;
  readonly #template: Redis;
  readonly #logger: Logger;
  #subscriber: Redis | undefined;
  readonly #handlers = new Map<string, Set<(text: string) => void>>();

  /** @param redis - template connection; this transport opens and owns its own duplicates. */
  public constructor(redis: Redis, logger: Logger) {
    this.#template = redis;
    this.#logger = logger;
    this.#publisher = ownConnection(redis, logger, 'publisher');
  }

  public async publish(channel: string, text: string): Promise<void> {
    await this.#publisher.publish(channel, text);
  }

  public async subscribe(channel: string, onText: (text: string) => void): Promise<Unsubscribe> {
    const subscriber = this.#connectSubscriber();
    const handler = (text: string) => onText(text);
    let handlers = this.#handlers.get(channel);
    if (handlers === undefined) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
      await subscriber.subscribe(channel);
    }
    handlers.add(handler);
    return async () => {
      handlers.delete(handler);
      if (handlers.size === 0 && this.#handlers.get(channel) === handlers) {
        this.#handlers.delete(channel);
        await subscriber.unsubscribe(channel);
      }
    };
  }

  public async close(): Promise<void> {
    this.#handlers.clear();
    await Promise.all([
      closeGracefully(this.#publisher),
      this.#subscriber && closeGracefully(this.#subscriber),
    ]);
  }

  #connectSubscriber(): Redis {
    if (this.#subscriber !== undefined) return this.#subscriber;
    const subscriber = ownConnection(this.#template, this.#logger, 'subscriber');
    subscriber.on('message', (channel: string, text: string) => {
      for (const handler of this.#handlers.get(channel) ?? []) handler(text);
    });
    this.#subscriber = subscriber;
    return subscriber;
  }
}
