import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { CommandTransport, Delivery, EnqueueOutcome } from '../bus/command-transport.js';
import { closeGracefully } from './close-gracefully.js';
import { COMPLETE_SCRIPT, ENQUEUE_SCRIPT, WITHDRAW_SCRIPT } from './command-scripts.js';
import { ownConnection } from './own-connection.js';

/** Where a Redis command transport keeps its data and who it is. */
export interface RedisCommandTransportOptions {
  /** Template connection: the transport opens its own connections with `duplicate()` and owns them. */
  readonly redis: Redis;
  /**
   * Stream key (prefix included). Idempotency records and the waiter sets of duplicates live under
   * `<stream>:id:` and `<stream>:waiters:`.
   */
  readonly stream: string;
  readonly group: string;
  /** Unique per process: pending entries are tracked per consumer name. */
  readonly consumer: string;
  /** This sender's reply channel. */
  readonly replyChannel: string;
  readonly logger: Logger;
}

type StreamEntry = [id: string, fields: string[] | null];

/** A consumer idle this long with nothing pending belongs to a process that is gone. */
const DEAD_CONSUMER_IDLE_MS = 24 * 60 * 60_000;

/**
 * Commands on a Redis Stream read by a consumer group. Entries stay pending until answered; pending entries
 * of a dead consumer are taken over (XPENDING IDLE + XCLAIM); replies travel over the sender's pub/sub channel.
 */
export class RedisCommandTransport implements CommandTransport {
  readonly #options: RedisCommandTransportOptions;
  readonly #commands: Redis;
  #blocking: Redis | undefined;
  #subscriber: Redis | undefined;
  readonly #channels = new Map<string, (text: string) => void>();
  /** Reply channel of each delivery held, read from its entry, for the completion to publish to. */
  readonly #replyTo = new Map<string, string>();

  public constructor(options: RedisCommandTransportOptions) {
    this.#options = options;
    this.#commands = ownConnection(options.redis, options.logger, 'commands');
  }

  public async listenForReplies(onReply: (text: string) => void): Promise<void> {
    await this.#subscribe(this.#options.replyChannel, onReply);
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
    await this.#createGroup();
    await this.#forgetDeadConsumers().catch((error: unknown) => {
      this.#options.logger.debug({ err: error }, 'could not prune dead consumers; will try at next start');
    });
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
      return this.#toDeliveries(result?.[0]?.[1] ?? [], false);
    } catch (error) {
      // Redis restarted without persistence: the stream and its group are gone. Recreate and carry on.
      if (error instanceof Error && error.message.startsWith('NOGROUP')) {
        await this.#createGroup();
        return [];
      }
      throw error;
    }
  }

  public async reclaim(minIdleMs: number, count: number): Promise<Delivery[]> {
    const { stream, group, consumer } = this.#options;
    try {
      // Only other consumers' entries: ours are held and kept alive by touch(), and claiming them here would
      // hide a missing keep-alive.
      const pending = (await this.#commands.xpending(stream, group, 'IDLE', minIdleMs, '-', '+', count)) as [
        id: string,
        owner: string,
        idleMs: number,
        deliveries: number,
      ][];
      const ids = pending.filter(([, owner]) => owner !== consumer).map(([id]) => id);
      if (ids.length === 0) return [];
      const entries = (await this.#commands.xclaim(
        stream,
        group,
        consumer,
        minIdleMs,
        ...ids,
      )) as StreamEntry[];
      return this.#toDeliveries(entries, true);
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
    const replyTo = this.#replyTo.get(deliveryId) ?? '';
    await COMPLETE_SCRIPT.run(this.#commands, this.#keys(commandId), [
      this.#options.group,
      deliveryId,
      replyText,
      ttlMs,
      replyTo,
    ]);
    this.#replyTo.delete(deliveryId);
  }

  public async drop(deliveryId: string): Promise<void> {
    const { stream, group } = this.#options;
    await this.#commands.multi().xack(stream, group, deliveryId).xdel(stream, deliveryId).exec();
    this.#replyTo.delete(deliveryId);
  }

  public async withdraw(commandId: string): Promise<boolean> {
    const withdrawn = await WITHDRAW_SCRIPT.run(this.#commands, this.#keys(commandId), [this.#options.group]);
    return withdrawn === 1;
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

  async #createGroup(): Promise<void> {
    try {
      await this.#commands.xgroup('CREATE', this.#options.stream, this.#options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('BUSYGROUP')) throw error;
    }
  }

  /**
   * Every process start is a new consumer name; names of long-dead processes with nothing pending are removed
   * so the group does not grow with every restart. Names with pending entries stay to be reclaimed.
   */
  async #forgetDeadConsumers(): Promise<void> {
    const { stream, group } = this.#options;
    const consumers = (await this.#commands.xinfo('CONSUMERS', stream, group)) as unknown[][];
    for (const fields of consumers) {
      const info = new Map<unknown, unknown>();
      for (let i = 0; i + 1 < fields.length; i += 2) info.set(fields[i], fields[i + 1]);
      const name = info.get('name');
      if (typeof name !== 'string' || name === this.#options.consumer) continue;
      if (info.get('pending') === 0 && Number(info.get('idle')) > DEAD_CONSUMER_IDLE_MS) {
        await this.#commands.xgroup('DELCONSUMER', stream, group, name);
      }
    }
  }

  async #subscribe(channel: string, onMessage: (text: string) => void): Promise<void> {
    if (this.#subscriber === undefined) {
      const subscriber = ownConnection(this.#options.redis, this.#options.logger, 'subscriber');
      subscriber.on('message', (from: string, text: string) => this.#channels.get(from)?.(text));
      this.#subscriber = subscriber;
    }
    this.#channels.set(channel, onMessage);
    await this.#subscriber.subscribe(channel);
  }

  #toDeliveries(entries: readonly StreamEntry[], redelivered: boolean): Delivery[] {
    const deliveries: Delivery[] = [];
    for (const [deliveryId, fields] of entries) {
      if (fields === null) continue;
      let text = '';
      for (let i = 0; i + 1 < fields.length; i += 2) {
        if (fields[i] === 'm') text = fields[i + 1] ?? '';
        else if (fields[i] === 'r') this.#replyTo.set(deliveryId, fields[i + 1] ?? '');
      }
      deliveries.push({ deliveryId, text, redelivered });
    }
    return deliveries;
  }

  #keys(commandId: string): [record: string, waiters: string, stream: string] {
    const { stream } = this.#options;
    return [`${stream}:id:${commandId}`, `${stream}:waiters:${commandId}`, stream];
  }
}
