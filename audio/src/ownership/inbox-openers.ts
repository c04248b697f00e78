import type { Logger } from '@discord-bot/logger';
import {
  createInProcessCommandBus,
  createRedisCommandBus,
  InProcessCommandBroker,
  type CommandBus,
} from '@discord-bot/messaging';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import type { InboxOpener } from './replica-inboxes.js';

/** Metrics label of every inbox (the stream names hold replica ids: one label each would grow forever). */
const INBOX_CHANNEL_LABEL = 'audio:replica-inbox';
/**
 * How long a replica's inbox stream outlives the replica: renewed while it consumes, so the stream (and its
 * consumer group) of a replica that died is removed by Redis instead of staying forever.
 */
const INBOX_TTL_MS = 10 * 60_000;

/** The stream of replica `replicaId`'s inbox. */
export function inboxStream(replicaId: string): string {
  return `audio:replica:${replicaId}:commands`;
}

/** What both openers need. */
export interface InboxOpenerOptions {
  /** This replica: it consumes its own inbox and receives the replies of what it sends. */
  readonly replicaId: string;
  readonly logger: Logger;
  readonly registry: Registry;
}

/**
 * Inboxes on Redis Streams: each the full command bus (idempotency by command id, deadlines, per-guild order,
 * replies to every sender waiting), on a stream of its own per replica.
 */
export function redisInboxOpener(options: InboxOpenerOptions & { readonly redis: Redis }): InboxOpener {
  return (replicaId) => {
    const stream = inboxStream(replicaId);
    const bus = createRedisCommandBus({
      redis: options.redis,
      stream,
      group: 'audio',
      // The consumer and its reply channel are this replica's, whichever inbox the bus is on.
      consumerName: options.replicaId,
      channel: INBOX_CHANNEL_LABEL,
      logger: options.logger,
      registry: options.registry,
    });
    return replicaId === options.replicaId ? keptAlive(bus, options.redis, stream) : bus;
  };
}

/** Own inbox: its stream's time to live is renewed while this replica runs. */
function keptAlive(bus: CommandBus, template: Redis, stream: string): CommandBus {
  const redis = template.duplicate();
  const renew = () => void redis.pexpire(stream, INBOX_TTL_MS).catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  return {
    request: (type, payload, options) => bus.request(type, payload, options),
    withdraw: (commandId) => bus.withdraw(commandId),
    async consume(handler) {
      await bus.consume(handler);
      renew();
      timer = setInterval(renew, INBOX_TTL_MS / 4);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      await bus.close();
      redis.disconnect();
    },
  };
}

/**
 * Inboxes in memory, for replicas inside one process (tests): `brokers` is shared by them, as one Redis
 * would be, one broker (stream) per replica.
 */
export function inProcessInboxOpener(
  options: InboxOpenerOptions & { readonly brokers: Map<string, InProcessCommandBroker> },
): InboxOpener {
  return (replicaId) => {
    let broker = options.brokers.get(replicaId);
    if (broker === undefined) {
      broker = new InProcessCommandBroker();
      options.brokers.set(replicaId, broker);
    }
    return createInProcessCommandBus({
      broker,
      channel: INBOX_CHANNEL_LABEL,
      logger: options.logger,
      registry: options.registry,
    });
  };
}
