import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import type { CommandBus } from '../bus/command-bus.js';
import type { EventBus, StreamBus } from '../bus/event-bus.js';
import { TransportCommandBus, type CommandBusOptions } from '../bus/transport-command-bus.js';
import { TransportEventBus, type EventBusOptions } from '../bus/transport-event-bus.js';
import { CHANNELS } from '../constants.js';
import { RedisCommandTransport } from './redis-command-transport.js';
import { RedisPubSubTransport } from './redis-pub-sub-transport.js';
import {
  RedisStreamFanOutTransport,
  type RedisStreamFanOutOptions,
} from './redis-stream-fan-out-transport.js';

/** Options of {@link createRedisCommandBus}. */
export interface RedisCommandBusOptions extends CommandBusOptions {
  /** Template connection (see `createRedisClient`); the bus opens and owns duplicates of it. */
  readonly redis: Redis;
  /** Prepended to every key and channel (tests use a unique one per file). */
  readonly prefix?: string;
  /** Stream name; `discord-bot:commands` unless the service partitions commands. */
  readonly stream?: string;
  /** Consumer group: every audio replica of one deployment uses the same one. */
  readonly group?: string;
  /** Unique per process; a fresh one per start. */
  readonly consumerName?: string;
}

/** A unique name for this process's consumer and reply channel. */
export function uniqueConsumerName(): string {
  return `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
}

/**
 * The command bus over Redis Streams (reliable, request/reply).
 *
 * @example
 * const bus = createRedisCommandBus({ redis, logger, registry });
 * await bus.consume(dispatchByType(handlers)); // audio
 * const outcome = await bus.request('pause', {}, { guildId }); // gateway
 */
export function createRedisCommandBus(options: RedisCommandBusOptions): CommandBus & { abandon(): void } {
  const prefix = options.prefix ?? '';
  const stream = prefix + (options.stream ?? CHANNELS.commands);
  const consumer = options.consumerName ?? uniqueConsumerName();
  const transport = new RedisCommandTransport({
    redis: options.redis,
    stream,
    group: options.group ?? 'audio',
    consumer,
    replyChannel: `${stream}:reply:${consumer}`,
    logger: options.logger,
  });
  // A partitioned stream may name its metrics label itself (stream names holding ids would grow the label set).
  return new TransportCommandBus(transport, {
    ...options,
    channel: options.channel ?? options.stream ?? CHANNELS.commands,
  });
}

/** Options of the Redis fan-out buses. */
export interface RedisEventBusOptions extends EventBusOptions {
  readonly redis: Redis;
}

/** Fan-out over Redis pub/sub, for `ui:now`: lowest latency, a disconnected subscriber misses messages. */
export function createRedisEventBus(options: RedisEventBusOptions): EventBus {
  return new TransportEventBus(new RedisPubSubTransport(options.redis, options.logger), options);
}

/** Fan-out over Redis Streams, for `to-audio` and `to-discord`: ordered, catches up after a reconnect. */
export function createRedisStreamBus(options: RedisEventBusOptions & RedisStreamFanOutOptions): StreamBus {
  return new TransportEventBus(
    new RedisStreamFanOutTransport(options.redis, options.logger, options),
    options,
  );
}
