/**
 * bus-rtt: gateway -> audio -> gateway request/reply over Redis through @discord-bot/messaging, beside a
 * baseline of the same round trip over bare ioredis pub/sub with a responder that does nothing.
 *
 *   npm run bench -- bus-rtt
 *   npx tsx --conditions=source bench/bus-rtt/index.ts
 *
 * Env: REDIS_URL (default redis://127.0.0.1:6379), BENCH_ROUND_TRIPS (default 10000 per side),
 * BENCH_BLOCK (round trips per alternating block, default 1000). Both sides run alternately in blocks, in one
 * process, so drift on a shared machine hits both alike. Keys live under a unique prefix, removed at the end.
 */
import { randomUUID } from 'node:crypto';
import { err, ok } from '@discord-bot/errors';
import { createSilentLogger } from '@discord-bot/logger';
import { createRedisClient, createRedisCommandBus, userCommandError } from '@discord-bot/messaging';
import type { Redis } from 'ioredis';
import { Registry } from 'prom-client';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 10_000);
const BLOCK = Number(process.env.BENCH_BLOCK ?? 1_000);
const WARM_UP = 500;
const GUILD_ID = '100000000000000001';
const TARGET_P50_RATIO = 1.5;
const TARGET_P99_RATIO = 2;

interface Side {
  readonly name: string;
  roundTrip(): Promise<void>;
  close(): Promise<void>;
}

/** The same round trip with nothing but ioredis: PUBLISH a request, a responder PUBLISHes it straight back. */
async function bareSide(prefix: string): Promise<Side> {
  const connections: Redis[] = [];
  const open = async () => {
    const redis = createRedisClient(REDIS_URL);
    await redis.connect();
    connections.push(redis);
    return redis;
  };
  const [gatewayPub, gatewaySub, audioPub, audioSub] = await Promise.all([open(), open(), open(), open()]);
  const requestChannel = `${prefix}bare:request`;
  const replyChannel = `${prefix}bare:reply`;
  audioSub.on('message', (_channel: string, text: string) => void audioPub.publish(replyChannel, text));
  await audioSub.subscribe(requestChannel);
  let pending: ((text: string) => void) | undefined;
  gatewaySub.on('message', (_channel: string, text: string) => pending?.(text));
  await gatewaySub.subscribe(replyChannel);
  let sequence = 0;
  return {
    name: 'bare ioredis pub/sub',
    async roundTrip() {
      sequence += 1;
      const message = JSON.stringify({ id: sequence, guildId: GUILD_ID, payload: { volume: 50 } });
      const reply = new Promise<string>((resolve) => (pending = resolve));
      await gatewayPub.publish(requestChannel, message);
      await reply;
    },
    async close() {
      for (const redis of connections) redis.disconnect();
      await Promise.resolve();
    },
  };
}

/**
 * Reference only (not the baseline): the same round trip on bare Redis Streams, XADD -> XREADGROUP BLOCK ->
 * XACK + PUBLISH, without idempotency, deadlines or validation. Shows how much of the gap is the stream itself.
 */
async function bareStreamSide(prefix: string): Promise<Side> {
  const connections: Redis[] = [];
  const open = async () => {
    const redis = createRedisClient(REDIS_URL);
    await redis.connect();
    connections.push(redis);
    return redis;
  };
  const [gateway, gatewaySub, reader, writer] = await Promise.all([open(), open(), open(), open()]);
  const stream = `${prefix}bare-stream`;
  const replyChannel = `${prefix}bare-stream:reply`;
  await writer.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = (await reader
        .xreadgroup('GROUP', 'g', 'c', 'COUNT', 64, 'BLOCK', 200, 'STREAMS', stream, '>')
        .catch(() => null)) as [string, [string, string[]][]][] | null;
      for (const [id, fields] of result?.[0]?.[1] ?? []) {
        void writer
          .multi()
          .xack(stream, 'g', id)
          .xdel(stream, id)
          .publish(replyChannel, fields[1] ?? '')
          .exec();
      }
    }
  })();
  let pending: (() => void) | undefined;
  gatewaySub.on('message', () => pending?.());
  await gatewaySub.subscribe(replyChannel);
  let sequence = 0;
  return {
    name: '(ref) bare redis streams',
    async roundTrip() {
      sequence += 1;
      const reply = new Promise<void>((resolve) => (pending = resolve));
      await gateway.xadd(
        stream,
        '*',
        'm',
        JSON.stringify({ id: sequence, guildId: GUILD_ID, payload: { volume: 50 } }),
      );
      await reply;
    },
    async close() {
      running = false;
      await loop;
      for (const redis of connections) redis.disconnect();
    },
  };
}

/** The real path: CommandBus.request -> Redis Stream -> consumer group -> handler -> reply channel. */
async function busSide(prefix: string): Promise<Side> {
  const template = createRedisClient(REDIS_URL);
  const logger = createSilentLogger();
  const gateway = createRedisCommandBus({ redis: template, prefix, logger, registry: new Registry() });
  const audio = createRedisCommandBus({ redis: template, prefix, logger, registry: new Registry() });
  await audio.consume((command) =>
    Promise.resolve(
      command.type === 'volume'
        ? ok({ volume: command.payload.volume, previous: 100 })
        : err(userCommandError('NOTHING_PLAYING')),
    ),
  );
  return {
    name: '@discord-bot/messaging',
    async roundTrip() {
      const outcome = await gateway.request(
        'volume',
        { volume: 50 },
        { guildId: GUILD_ID, timeoutMs: 5_000 },
      );
      if (!outcome.ok) throw new Error(`round trip failed: ${outcome.error.code} ${outcome.error.message}`);
    },
    async close() {
      await Promise.all([gateway.close(), audio.close()]);
      template.disconnect();
    },
  };
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

async function measure(side: Side, count: number, into: number[]): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await side.roundTrip();
    into.push(performance.now() - start);
  }
}

async function cleanUp(prefix: string): Promise<void> {
  const redis = createRedisClient(REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1_000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
}

async function main(): Promise<void> {
  const prefix = `bench:bus-rtt:${randomUUID().slice(0, 8)}:`;
  const baseline = await bareSide(prefix);
  const reference = await bareStreamSide(prefix);
  const bus = await busSide(prefix);
  const sides = [baseline, reference, bus];
  const samples = new Map<Side, number[]>(sides.map((side) => [side, []]));
  try {
    for (const side of sides) await measure(side, WARM_UP, []);
    for (let done = 0; done < ROUND_TRIPS; done += BLOCK) {
      const block = Math.min(BLOCK, ROUND_TRIPS - done);
      for (const side of sides) await measure(side, block, samples.get(side)!);
    }
  } finally {
    await Promise.all(sides.map((side) => side.close()));
    await cleanUp(prefix);
  }

  const stats = (side: Side) => {
    const sorted = [...samples.get(side)!].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), p999: percentile(sorted, 99.9) };
  };
  const base = stats(baseline);
  const ref = stats(reference);
  const ours = stats(bus);
  const fmt = (ms: number) => `${(ms * 1_000).toFixed(0).padStart(7)} us`;
  console.log(
    `bus-rtt: ${ROUND_TRIPS} round trips per side over ${REDIS_URL}, alternating blocks of ${BLOCK}`,
  );
  console.log(`${'side'.padEnd(26)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'p99.9'.padStart(11)}`);
  for (const [side, figures] of [
    [baseline, base],
    [reference, ref],
    [bus, ours],
  ] as const) {
    console.log(`${side.name.padEnd(26)}${fmt(figures.p50)}${fmt(figures.p99)}${fmt(figures.p999)}`);
  }
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `ratio (bus / baseline)     p50 ${ratio(ours.p50, base.p50)}x (target <= ${TARGET_P50_RATIO}x)` +
      `  p99 ${ratio(ours.p99, base.p99)}x (target <= ${TARGET_P99_RATIO}x)  p99.9 ${ratio(ours.p999, base.p999)}x`,
  );
  console.log(
    `ratio (ref streams / base) p50 ${ratio(ref.p50, base.p50)}x  p99 ${ratio(ref.p99, base.p99)}x` +
      `  p99.9 ${ratio(ref.p999, base.p999)}x  (the floor of any Redis Streams design)`,
  );
  const met = ours.p50 / base.p50 <= TARGET_P50_RATIO && ours.p99 / base.p99 <= TARGET_P99_RATIO;
  console.log(met ? 'targets met' : 'targets NOT met');
}

await main();
