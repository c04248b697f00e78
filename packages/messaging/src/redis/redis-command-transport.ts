import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { CommandTransport, Delivery, EnqueueOutcome } from '../bus/command-transport.js';
import { COMPLETE_SCRIPT, ENQUEUE_SCRIPT } from './command-scripts.js';
import { ownConnection } from './own-connection.js';

/** Where a Redis command transport keeps its data and who it is. */
export interface RedisCommandTransportOptions {
  /** Template connection: the transport opens its own connections with `duplicate()` and owns them. */
  readonly redis: Redis;
  /** Stream key (prefix included). Records and waiter sets live under `<stream>:id:` and `<stream>:waiters:`. */
  readonly stream: string;
  readonly group: string;
  /** Unique per process: pending entries are tracked per consumer name. */
  readonly consumer: string;
  /** This sender's reply channel. */
  readonly replyChannel: string;
  readonly logger: Logger;
}

type StreamEntry = [id: string, fields: string[] | null];

/**
 * Commands on a Redis Stream read by a consumer group: entries stay pending until answered, pending entries of
 * a dead consumer are taken over with XAUTOCLAIM, and replies travel over the sender's pub/sub channel.
 */
export class RedisCommandTransport implements CommandTransport {
  readonly #options: RedisCommandTransportOptions;
  readonly #commands: Redis;
  #blocking: Redis | undefined;
  #subscriber: Redis | undefined;

  public constructor(options: RedisCommandTransportOptions) {
    this.#options = options;
    this.#commands = ownConnection(options.redis, options.logger, 'commands');
  }

  public async listenForReplies(onReply: (text: string) => void): Promise<void> {
    const subscriber = (this.#subscriber ??= ownConnection(
      this.#options.redis,
      this.#options.logger,
      'replies',
    ));
    subscriber.on('message', (_channel: string, text: string) => onReply(text));
    await subscriber.subscribe(this.#options.replyChannel);
  }

  public async enqueue(commandId: string, text: string, ttlMs: number): Promise<EnqueueOutcome> {
    const state = await ENQUEUE_SCRIPT.run(this.#commands, this.#keys(commandId), [
      this.#options.replyChannel,
      ttlMs,
      text,
    ]);
    if (state === 'Q') return { state: 'queued' };
    if (state === 'P') return { state: 'pending' };
    return { state: 'done', replyText: String(state).slice(1) };
  }

  public async prepareConsumer(): Promise<void> {
    try {
      await this.#commands.xgroup('CREATE', this.#options.stream, this.#options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }

  public async read(count: number, blockMs: number): Promise<Delivery[]> {
    const blocking = (this.#blocking ??= ownConnection(
      this.#options.redis,
      this.#options.logger,
      'command-reader',
    ));
    const { stream, group, consumer } = this.#options;
    try {
      const result = (await blocking.xreadgroup(
        'GROUP',
        group,
        consumer,
        'COUNT',
        count,
        'BLOCK',
        blockMs,
        'STREAMS',
        stream,
        '>',
      )) as [string, StreamEntry[]][] | null;
      return toDeliveries(result?.[0]?.[1] ?? [], false);
    } catch (error) {
      // Redis restarted without persistence: the stream and its group are gone. Recreate and carry on.
      if (error instanceof Error && error.message.startsWith('NOGROUP')) {
        await this.prepareConsumer();
        return [];
      }
      throw error;
    }
  }

  public async reclaim(minIdleMs: number, count: number): Promise<Delivery[]> {
    const { stream, group, consumer } = this.#options;
    try {
      const [, entries] = (await this.#commands.xautoclaim(
        stream,
        group,
        consumer,
        minIdleMs,
        '0-0',
        'COUNT',
        count,
      )) as [string, StreamEntry[]];
      return toDeliveries(entries, true);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('NOGROUP')) return [];
      throw error;
    }
  }

  public async touch(deliveryIds: readonly string[]): Promise<void> {
    const { stream, group, consumer } = this.#options;
    await this.#commands.xclaim(stream, group, consumer, 0, ...deliveryIds, 'JUSTID');
  }

  public async completedReply(commandId: string): Promise<string | undefined> {
    const state = await this.#commands.get(this.#keys(commandId)[0]);
    return state?.startsWith('D') === true ? state.slice(1) : undefined;
  }

  public async complete(
    deliveryId: string,
    commandId: string,
    replyText: string,
    ttlMs: number,
  ): Promise<void> {
    await COMPLETE_SCRIPT.run(this.#commands, this.#keys(commandId), [
      this.#options.group,
      deliveryId,
      replyText,
      ttlMs,
    ]);
  }

  public async drop(deliveryId: string): Promise<void> {
    const { stream, group } = this.#options;
    await this.#commands.multi().xack(stream, group, deliveryId).xdel(stream, deliveryId).exec();
  }

  public async close(): Promise<void> {
    this.#blocking?.disconnect();
    await Promise.all([
      closeGracefully(this.#commands),
      this.#subscriber && closeGracefully(this.#subscriber),
    ]);
  }

  public abandon(): void {
    this.#blocking?.disconnect();
    this.#subscriber?.disconnect();
    this.#commands.disconnect();
  }

  #keys(commandId: string): [record: string, waiters: string, stream: string] {
    const { stream } = this.#options;
    return [`${stream}:id:${commandId}`, `${stream}:waiters:${commandId}`, stream];
  }
}

function toDeliveries(entries: readonly StreamEntry[], redelivered: boolean): Delivery[] {
  const deliveries: Delivery[] = [];
  for (const [deliveryId, fields] of entries) {
    if (fields === null) continue;
    const index = fields.indexOf('m');
    deliveries.push({ deliveryId, text: index >= 0 ? (fields[index + 1] ?? '') : '', redelivered });
  }
  return deliveries;
}

/** QUIT when connected (lets queued replies flush); otherwise drop the socket instead of waiting forever. */
export async function closeGracefully(redis: Redis): Promise<void> {
  if (redis.status === 'ready') {
    await redis.quit().catch(() => redis.disconnect());
  } else {
    redis.disconnect();
  }
}
