import type { Redis } from 'ioredis';
import { INVALIDATION_CHANNEL } from './constants.js';
import type { RemoteCacheStore, StopListening } from './remote-cache-store.js';

/**
 * The Redis {@link RemoteCacheStore}: values under `<prefix><key>` with a TTL, invalidations on a pub/sub
 * channel. Uses the caller's connection for commands and a duplicate of its own for listening.
 */
export class RedisRemoteCacheStore implements RemoteCacheStore {
  readonly #redis: Redis;
  readonly #prefix: string;
  #subscriber: Redis | undefined;

  /**
   * @param redis - a connection the caller owns (and closes).
   * @param prefix - prepended to keys and to the invalidation channel, e.g. `discord-bot:cache:`.
   */
  public constructor(redis: Redis, prefix: string) {
    this.#redis = redis;
    this.#prefix = prefix;
  }

  public async get(key: string): Promise<string | undefined> {
    return (await this.#redis.get(this.#prefix + key)) ?? undefined;
  }

  public async set(key: string, value: string, ttlMs: number): Promise<void> {
    await this.#redis.set(this.#prefix + key, value, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  public async delete(key: string): Promise<void> {
    await this.#redis.unlink(this.#prefix + key);
  }

  public async announce(key: string, origin: string): Promise<void> {
    await this.#redis.publish(this.#channel, `${origin}\n${key}`);
  }

  public async listen(listener: (key: string, origin: string) => void): Promise<StopListening> {
    const subscriber = (this.#subscriber ??= this.#redis.duplicate());
    subscriber.on('error', () => undefined); // reconnects by itself; a missed invalidation ages out by TTL
    const onMessage = (channel: string, message: string) => {
      if (channel !== this.#channel) return;
      const newline = message.indexOf('\n');
      if (newline > 0) listener(message.slice(newline + 1), message.slice(0, newline));
    };
    subscriber.on('message', onMessage);
    await subscriber.subscribe(this.#channel);
    return async () => {
      subscriber.off('message', onMessage);
      await subscriber.unsubscribe(this.#channel);
    };
  }

  public async close(): Promise<void> {
    const subscriber = this.#subscriber;
    this.#subscriber = undefined;
    if (subscriber === undefined) return;
    if (subscriber.status === 'ready') await subscriber.quit().catch(() => subscriber.disconnect());
    else subscriber.disconnect();
  }

  get #channel(): string {
    return this.#prefix + INVALIDATION_CHANNEL;
  }
}
