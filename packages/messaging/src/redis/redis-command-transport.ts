import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { CommandTransport, Delivery, EnqueueOutcome } from '../bus/command-transport.js';
import { AckBatch } from './ack-batch.js';
import { closeGracefully } from './close-gracefully.js';
import { ENQUEUE_SCRIPT, WITHDRAW_SCRIPT } from './command-scripts.js';
import { createConsumerGroup, forgetDeadConsumers } from './consumer-group.js';
import { ownConnection } from './own-connection.js';
import { storeAndPublishReply } from './store-and-publish-reply.js';

/** Where a Redis command transport keeps its data and who it is. */
export interface RedisCommandTransportOptions {
  /** Template connection: the transport opens its own connections with `duplicate()` and owns them. */
  readonly redis: Redis;
  /** Stream key (prefix included). Idempotency records live under `<stream>:id:`. */
  readonly stream: string;
  readonly group: string;
  /** Unique per process: pending entries are tracked per consumer name. Also names its connections. */
  readonly consumer: string;
  /** This sender's reply channel. */
  readonly replyChannel: string;
  readonly logger: Logger;
}

type StreamEntry = [id: string, fields: string[] | null];

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
  /**
   * Every delivery handed out and not yet acknowledged, with the reply channel its entry names ('' when
   * none): found again in our pending entries, it is not handed out a second time.
   */
  readonly #held = new Map<string, string>();
  readonly #acks: AckBatch;
  /**
   * Reads, reclaims and recoveries take turns: a recovery must not see an entry whose read or claim reply is
   * still on its way (the blocking read is another connection), or it would be handed out twice.
   */
  #turn: Promise<unknown> = Promise.resolve();

  public constructor(options: RedisCommandTransportOptions) {
    this.#options = options;
    this.#commands = this.#connection('commands');
    this.#acks = new AckBatch({
      redis: this.#commands,
      stream: options.stream,
      group: options.group,
      logger: options.logger,
      onAcknowledged: (deliveryId) => this.#held.delete(deliveryId),
    });
  }

  public async listenForReplies(onReply: (text: string) => void): Promise<void> {
    await this.#subscribe(this.#options.replyChannel, onReply);
  }

  public async enqueue(commandId: string, text: string, ttlMs: number): Promise<EnqueueOutcome> {
    const { stream, replyChannel } = this.#options;
    const state = await ENQUEUE_SCRIPT.run(
      this.#commands,
      [this.#recordKey(commandId), stream],
      [replyChannel, ttlMs, text, commandId],
    );
    if (state === 'Q') return { state: 'queued' };
    if (state === 'P') return { state: 'pending' };
    return { state: 'done', replyText: String(state).slice(1) };
  }

  public async prepareConsumer(): Promise<void> {
    const { stream, group, consumer } = this.#options;
    await createConsumerGroup(this.#commands, stream, group);
    await forgetDeadConsumers(this.#commands, stream, group, consumer).catch((error: unknown) => {
      this.#options.logger.debug({ err: error }, 'could not prune dead consumers; will try at next start');
    });
  }

  public read(count: number, blockMs: number): Promise<Delivery[]> {
    const blocking = (this.#blocking ??= this.#connection('command-reader'));
    const { stream, group, consumer } = this.#options;
    return this.#inTurn(async () => {
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
          await createConsumerGroup(this.#commands, stream, group);
          return [];
        }
        throw error;
      }
    });
  }

  public reclaim(minIdleMs: number, count: number): Promise<Delivery[]> {
    const { stream, group, consumer } = this.#options;
    return this.#inTurn(async () => {
      try {
        // Only other consumers' entries: ours are held and kept alive by touch(), or recovered by
        // recoverPending() when this consumer was never given them.
        const pending = (await this.#commands.xpending(
          stream,
          group,
          'IDLE',
          minIdleMs,
          '-',
          '+',
          count,
        )) as [id: string, owner: string, idleMs: number, deliveries: number][];
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
    });
  }

  public recoverPending(): Promise<Delivery[]> {
    const { stream, group, consumer } = this.#options;
    return this.#inTurn(async () => {
      try {
        // Our own history (ID 0): every entry in our pending entries, those already held included.
        const result = (await this.#commands.xreadgroup('GROUP', group, consumer, 'STREAMS', stream, '0')) as
          [string, StreamEntry[]][] | null;
        const entries = result?.[0]?.[1] ?? [];
        return this.#toDeliveries(
          entries.filter(([deliveryId]) => !this.#held.has(deliveryId)),
          false,
        );
      } catch (error) {
        if (error instanceof Error && error.message.startsWith('NOGROUP')) return [];
        throw error;
      }
    });
  }

  public async touch(deliveryIds: readonly string[]): Promise<void> {
    const { stream, group, consumer } = this.#options;
    await this.#commands.xclaim(stream, group, consumer, 0, ...deliveryIds, 'JUSTID');
  }

  public async completedReply(commandId: string): Promise<string | undefined> {
    const state = await this.#commands.get(this.#recordKey(commandId));
    return state?.startsWith('D') === true ? state.slice(1) : undefined;
  }

  public async complete(
    deliveryId: string,
    commandId: string,
    replyText: string,
    ttlMs: number,
  ): Promise<void> {
    await storeAndPublishReply(
      this.#commands,
      this.#recordKey(commandId),
      replyText,
      ttlMs,
      this.#held.get(deliveryId) ?? '',
    );
    this.#acks.add(deliveryId);
  }

  public async drop(deliveryId: string): Promise<void> {
    this.#acks.add(deliveryId);
    await this.#acks.flush();
  }

  public async withdraw(commandId: string): Promise<boolean> {
    const withdrawn = await WITHDRAW_SCRIPT.run(
      this.#commands,
      [this.#recordKey(commandId), this.#options.stream],
      [this.#options.group, commandId],
    );
    return withdrawn === 1;
  }

  public async close(): Promise<void> {
    await this.#acks.flush().catch((error: unknown) => {
      // Their replies are stored: whoever reclaims these entries replays them instead of running them.
      this.#options.logger.warn({ err: error }, 'could not acknowledge answered commands before closing');
    });
    this.#blocking?.disconnect();
    await Promise.all([
      closeGracefully(this.#commands),
      this.#subscriber && closeGracefully(this.#subscriber),
    ]);
  }

  public abandon(): void {
    this.#acks.abandon();
    this.#blocking?.disconnect();
    this.#subscriber?.disconnect();
    this.#commands.disconnect();
  }

  #connection(role: string): Redis {
    return ownConnection(
      this.#options.redis,
      this.#options.logger,
      role,
      `${this.#options.consumer}:${role}`,
    );
  }

  async #subscribe(channel: string, onMessage: (text: string) => void): Promise<void> {
    if (this.#subscriber === undefined) {
      const subscriber = this.#connection('subscriber');
      subscriber.on('message', (from: string, text: string) => this.#channels.get(from)?.(text));
      this.#subscriber = subscriber;
    }
    this.#channels.set(channel, onMessage);
    await this.#subscriber.subscribe(channel);
  }

  #inTurn<T>(action: () => Promise<T>): Promise<T> {
    const result = this.#turn.then(action);
    this.#turn = result.catch(() => undefined);
    return result;
  }

  #toDeliveries(entries: readonly StreamEntry[], redelivered: boolean): Delivery[] {
    const deliveries: Delivery[] = [];
    for (const [deliveryId, fields] of entries) {
      if (fields === null) continue;
      let text = '';
      let replyTo = '';
      for (let i = 0; i + 1 < fields.length; i += 2) {
        if (fields[i] === 'm') text = fields[i + 1] ?? '';
        else if (fields[i] === 'r') replyTo = fields[i + 1] ?? '';
      }
      this.#held.set(deliveryId, replyTo);
      deliveries.push({ deliveryId, text, redelivered });
    }
    return deliveries;
  }

  #recordKey(commandId: string): string {
    return `${this.#options.stream}:id:${commandId}`;
  }
}
