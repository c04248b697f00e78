/**
 * The sides bus-rtt compares. Each is a responder half (what the audio service would run) and a sender half
 * (the gateway's), which talk only through Redis, so they run in one process or in two alike.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '@discord-bot/errors';
import { createSilentLogger } from '@discord-bot/logger';
import { createRedisClient, createRedisCommandBus, userCommandError } from '@discord-bot/messaging';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';

const GUILD_ID = '100000000000000001';
/** The group every stream side reads with; created by its responder before it reports ready. */
const GROUP = 'g';

/** Something to stop at the end. */
export interface Closable {
  close(): Promise<void>;
}

/** The sending half of a side: one request/reply round trip per call. */
export interface Sender extends Closable {
  roundTrip(): Promise<void>;
}

/** One way of making the round trip. */
export interface SideDefinition {
  readonly name: string;
  /** Starts answering; resolves once a request sent from now on is answered. */
  responder(redisUrl: string, prefix: string): Promise<Closable>;
  sender(redisUrl: string, prefix: string): Promise<Sender>;
}

async function connections(redisUrl: string, count: number): Promise<Redis[]> {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const redis = createRedisClient(redisUrl);
      await redis.connect();
      return redis;
    }),
  );
}

function disconnecting(redis: readonly Redis[], before?: () => Promise<void>): Closable {
  return {
    async close() {
      await before?.();
      for (const connection of redis) connection.disconnect();
    },
  };
}

/** A reply subscription whose next message resolves the round trip waiting for it. */
async function replyWaiter(subscriber: Redis, channel: string): Promise<() => Promise<void>> {
  let pending: (() => void) | undefined;
  subscriber.on('message', () => pending?.());
  await subscriber.subscribe(channel);
  return () => new Promise<void>((resolve) => (pending = resolve));
}

/**
 * The sending half every bare side shares: one small command (`id` names it) handed to `send`, then the reply
 * awaited on `replyChannel` of `subscriber`. Closing disconnects `sender` and `subscriber`.
 */
async function bareSender(
  sender: Redis,
  subscriber: Redis,
  replyChannel: string,
  id: () => string | number,
  send: (message: string, id: string | number) => Promise<unknown>,
): Promise<Sender> {
  const nextReply = await replyWaiter(subscriber, replyChannel);
  return {
    async roundTrip() {
      const commandId = id();
      const reply = nextReply();
      await send(JSON.stringify({ id: commandId, guildId: GUILD_ID, payload: { volume: 50 } }), commandId);
      await reply;
    },
    ...disconnecting([sender, subscriber]),
  };
}

/** Ids 1, 2, 3, ...: enough for sides that keep no record per id. */
function sequence(): () => number {
  let last = 0;
  return () => (last += 1);
}

/** A consumer-group reader loop: each batch read is handed to `handle`, then the next read is sent. */
function readLoop(
  reader: Redis,
  stream: string,
  handle: (entries: [id: string, fields: string[]][]) => void,
): Closable {
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = (await reader
        .xreadgroup('GROUP', GROUP, 'c', 'COUNT', 64, 'BLOCK', 200, 'STREAMS', stream, '>')
        .catch(() => null)) as [string, [string, string[]][]][] | null;
      const entries = result?.[0]?.[1] ?? [];
      handle(entries);
      // As the bus does: the replies leave before the next blocking read is written.
      if (entries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  return {
    async close() {
      running = false;
      await loop;
    },
  };
}

/** The baseline: PUBLISH a request, a responder that does nothing PUBLISHes it straight back. */
export const bareSide: SideDefinition = {
  name: 'bare ioredis pub/sub',
  async responder(redisUrl, prefix) {
    const [publisher, subscriber] = await connections(redisUrl, 2);
    subscriber!.on('message', (_channel: string, text: string) => {
      void publisher!.publish(`${prefix}bare:reply`, text);
    });
    await subscriber!.subscribe(`${prefix}bare:request`);
    return disconnecting([publisher!, subscriber!]);
  },
  async sender(redisUrl, prefix) {
    const [publisher, subscriber] = await connections(redisUrl, 2);
    return bareSender(publisher!, subscriber!, `${prefix}bare:reply`, sequence(), (message) =>
      publisher!.publish(`${prefix}bare:request`, message),
    );
  },
};

/**
 * Reference only (not the baseline): the same round trip on bare Redis Streams, XADD -> XREADGROUP BLOCK ->
 * XACK + XDEL + PUBLISH, without idempotency, deadlines or validation. The floor of any Redis Streams design.
 */
export const bareStreamSide: SideDefinition = {
  name: '(ref) bare redis streams',
  async responder(redisUrl, prefix) {
    const stream = `${prefix}bare-stream`;
    const [reader, writer] = await connections(redisUrl, 2);
    await writer!.xgroup('CREATE', stream, GROUP, '0', 'MKSTREAM');
    const loop = readLoop(reader!, stream, (entries) => {
      for (const [id, fields] of entries) {
        void writer!
          .multi()
          .xack(stream, GROUP, id)
          .xdel(stream, id)
          .publish(`${stream}:reply`, fields[1] ?? '')
          .exec();
      }
    });
    return disconnecting([reader!, writer!], () => loop.close());
  },
  async sender(redisUrl, prefix) {
    const stream = `${prefix}bare-stream`;
    const [gateway, subscriber] = await connections(redisUrl, 2);
    return bareSender(gateway!, subscriber!, `${stream}:reply`, sequence(), (message) =>
      gateway!.xadd(stream, '*', 'm', message),
    );
  },
};

/** The bus's enqueue script (see packages/messaging/src/redis/command-scripts.ts), duplicates' branch left out. */
const ENQUEUE = `local state = redis.call('SET', KEYS[1], 'P', 'NX', 'GET', 'PX', ARGV[2])
if state then return 'P' end
redis.call('XADD', KEYS[2], '*', 'm', ARGV[3], 'r', ARGV[1], 'i', ARGV[4])
return 'Q'`;
const RECORD_TTL_MS = 60_000;

/**
 * Reference only (not the baseline): the Redis calls the bus makes per command, made bare, with no bus code
 * around them (no validation, metrics, queues or timers): the enqueue script (id record SET NX + XADD), a
 * blocked XREADGROUP served by it, the reply stored and published (SET, then PUBLISH), XACK + XDEL in 10 ms
 * batches. What remains between this and the bus is the bus's own Node work.
 */
export const busCallsSide: SideDefinition = {
  name: "(ref) the bus's redis calls",
  async responder(redisUrl, prefix) {
    const stream = `${prefix}bus-calls`;
    const [reader, writer] = await connections(redisUrl, 2);
    await writer!.xgroup('CREATE', stream, GROUP, '0', 'MKSTREAM');
    let acks: string[] = [];
    let ackTimer: NodeJS.Timeout | undefined;
    const flushAcks = () => {
      const ids = acks;
      acks = [];
      ackTimer = undefined;
      void writer!.xack(stream, GROUP, ...ids);
      void writer!.xdel(stream, ...ids);
    };
    const loop = readLoop(reader!, stream, (entries) => {
      for (const [id, fields] of entries) {
        const command = JSON.parse(fields[1] ?? '{}') as { id: string };
        const reply = JSON.stringify({ id: command.id, ok: true, result: { volume: 50 } });
        void writer!.set(`${stream}:id:${command.id}`, `D${reply}`, 'PX', RECORD_TTL_MS, 'GET');
        void writer!.publish(fields[3] ?? '', reply);
        acks.push(id);
        ackTimer ??= setTimeout(flushAcks, 10);
      }
    });
    return disconnecting([reader!, writer!], async () => {
      await loop.close();
      clearTimeout(ackTimer);
    });
  },
  async sender(redisUrl, prefix) {
    const stream = `${prefix}bus-calls`;
    const replyChannel = `${stream}:reply`;
    const [gateway, subscriber] = await connections(redisUrl, 2);
    const sha = String(await gateway!.script('LOAD', ENQUEUE));
    return bareSender(gateway!, subscriber!, replyChannel, randomUUID, (message, id) =>
      gateway!.evalsha(sha, 2, `${stream}:id:${id}`, stream, replyChannel, RECORD_TTL_MS, message, id),
    );
  },
};

/** The real path: CommandBus.request -> Redis Stream -> consumer group -> handler -> reply channel. */
export const busSide: SideDefinition = {
  name: '@discord-bot/messaging',
  async responder(redisUrl, prefix) {
    const template = createRedisClient(redisUrl);
    const audio = createRedisCommandBus({
      redis: template,
      prefix,
      logger: createSilentLogger(),
      registry: new Registry(),
    });
    await audio.consume((command) =>
      Promise.resolve(
        command.type === 'volume'
          ? ok({ volume: command.payload.volume, previous: 100 })
          : err(userCommandError('NOTHING_PLAYING')),
      ),
    );
    return disconnecting([template], () => audio.close());
  },
  sender(redisUrl, prefix) {
    const template = createRedisClient(redisUrl);
    const gateway = createRedisCommandBus({
      redis: template,
      prefix,
      logger: createSilentLogger(),
      registry: new Registry(),
    });
    return Promise.resolve({
      async roundTrip() {
        const outcome = await gateway.request(
          'volume',
          { volume: 50 },
          { guildId: GUILD_ID, timeoutMs: 5_000 },
        );
        if (!outcome.ok) throw new Error(`round trip failed: ${outcome.error.code} ${outcome.error.message}`);
      },
      ...disconnecting([template], () => gateway.close()),
    });
  },
};

/** Every side, the baseline first. */
export const SIDES: readonly SideDefinition[] = [bareSide, bareStreamSide, busCallsSide, busSide];
