/**
 * bus-rtt: gateway -> audio -> gateway request/reply over Redis through @discord-bot/messaging, beside a
 * baseline of the same round trip over bare ioredis pub/sub with a responder that does nothing.
 *
 *   npm run bench -- bus-rtt
 *   npx tsx --conditions=source bench/bus-rtt/index.ts
 *
 * Env: REDIS_URL (default redis://127.0.0.1:6379), BENCH_ROUND_TRIPS (default 10000 per side),
 * BENCH_BLOCK (round trips per alternating block, default 1000). Every side runs alternately in blocks, in one
 * process (sender and responder share its event loop, as they do for the baseline), so drift on a shared
 * machine hits all alike. Keys live under a unique prefix, removed at the end.
 *
 * Besides latency, each side's CPU per round trip: this process's (process.cpuUsage) and the Redis server's
 * (INFO cpu, the whole server: approximate when something else uses it), measured around its blocks.
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

/**
 * Reference only (not the baseline): the Redis calls the bus makes per command, made bare, with no bus code
 * around them (no validation, metrics, queues or timers): the enqueue script (id record SET NX + XADD), a
 * blocked XREADGROUP served by it, the reply stored and published in one pipeline, XACK + XDEL in 10 ms
 * batches. What remains between this and the bus is the bus's own Node work.
 */
async function busCallsSide(prefix: string): Promise<Side> {
  const connections: Redis[] = [];
  const open = async () => {
    const redis = createRedisClient(REDIS_URL);
    await redis.connect();
    connections.push(redis);
    return redis;
  };
  const [gateway, gatewaySub, reader, writer] = await Promise.all([open(), open(), open(), open()]);
  const stream = `${prefix}bus-calls`;
  const replyChannel = `${stream}:reply`;
  const ttlMs = 60_000;
  await writer.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
  const enqueue = String(
    await writer.script(
      'LOAD',
      `local state = redis.call('SET', KEYS[1], 'P', 'NX', 'GET', 'PX', ARGV[2])
if state then return 'P' end
redis.call('XADD', KEYS[2], '*', 'm', ARGV[3], 'r', ARGV[1], 'i', ARGV[4])
return 'Q'`,
    ),
  );
  let acks: string[] = [];
  let ackTimer: NodeJS.Timeout | undefined;
  const flushAcks = () => {
    const ids = acks;
    acks = [];
    ackTimer = undefined;
    void writer
      .pipeline()
      .xack(stream, 'g', ...ids)
      .xdel(stream, ...ids)
      .exec();
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      const result = (await reader
        .xreadgroup('GROUP', 'g', 'c', 'COUNT', 64, 'BLOCK', 200, 'STREAMS', stream, '>')
        .catch(() => null)) as [string, [string, string[]][]][] | null;
      const entries = result?.[0]?.[1] ?? [];
      for (const [id, fields] of entries) {
        const command = JSON.parse(fields[1] ?? '{}') as { id: string };
        const reply = JSON.stringify({ id: command.id, ok: true, result: { volume: 50 } });
        void writer
          .pipeline()
          .set(`${stream}:id:${command.id}`, `D${reply}`, 'PX', ttlMs, 'GET')
          .publish(fields[3] ?? '', reply)
          .exec();
        acks.push(id);
        ackTimer ??= setTimeout(flushAcks, 10);
      }
      if (entries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
  })();
  let pending: (() => void) | undefined;
  gatewaySub.on('message', () => pending?.());
  await gatewaySub.subscribe(replyChannel);
  return {
    name: "(ref) the bus's redis calls",
    async roundTrip() {
      const id = randomUUID();
      const message = JSON.stringify({ id, guildId: GUILD_ID, payload: { volume: 50 } });
      const reply = new Promise<void>((resolve) => (pending = resolve));
      await gateway.evalsha(enqueue, 2, `${stream}:id:${id}`, stream, replyChannel, ttlMs, message, id);
      await reply;
    },
    async close() {
      running = false;
      await loop;
      clearTimeout(ackTimer);
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

/** Latency samples (ms) and CPU spent (us) of one side. */
interface Samples {
  readonly latencies: number[];
  nodeCpuUs: number;
  redisCpuUs: number;
}

/** Seconds of CPU the Redis server has used (user + system). */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return read('used_cpu_user') + read('used_cpu_sys');
}

async function measure(side: Side, count: number, into: Samples, probe: Redis): Promise<void> {
  const redisBefore = await redisCpuSeconds(probe);
  const nodeBefore = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await side.roundTrip();
    into.latencies.push(performance.now() - start);
  }
  const node = process.cpuUsage(nodeBefore);
  into.nodeCpuUs += node.user + node.system;
  into.redisCpuUs += ((await redisCpuSeconds(probe)) - redisBefore) * 1e6;
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
  const probe = createRedisClient(REDIS_URL);
  await probe.connect();
  const baseline = await bareSide(prefix);
  const reference = await bareStreamSide(prefix);
  const busCalls = await busCallsSide(prefix);
  const bus = await busSide(prefix);
  const sides = [baseline, reference, busCalls, bus];
  const samples = new Map<Side, Samples>(
    sides.map((side) => [side, { latencies: [], nodeCpuUs: 0, redisCpuUs: 0 }]),
  );
  try {
    for (const side of sides)
      await measure(side, WARM_UP, { latencies: [], nodeCpuUs: 0, redisCpuUs: 0 }, probe);
    for (let done = 0; done < ROUND_TRIPS; done += BLOCK) {
      const block = Math.min(BLOCK, ROUND_TRIPS - done);
      for (const side of sides) await measure(side, block, samples.get(side)!, probe);
    }
  } finally {
    await Promise.all(sides.map((side) => side.close()));
    probe.disconnect();
    await cleanUp(prefix);
  }

  const stats = (side: Side) => {
    const { latencies, nodeCpuUs, redisCpuUs } = samples.get(side)!;
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      p999: percentile(sorted, 99.9),
      node: nodeCpuUs / latencies.length,
      redis: redisCpuUs / latencies.length,
    };
  };
  const base = stats(baseline);
  const ref = stats(reference);
  const calls = stats(busCalls);
  const ours = stats(bus);
  const fmt = (ms: number) => `${(ms * 1_000).toFixed(0).padStart(7)} us`;
  const cpu = (us: number) => `${us.toFixed(0).padStart(7)} us`;
  console.log(
    `bus-rtt: ${ROUND_TRIPS} round trips per side over ${REDIS_URL}, alternating blocks of ${BLOCK}, one process`,
  );
  console.log(
    `${'side'.padEnd(30)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'p99.9'.padStart(11)}` +
      `${'node cpu/rt'.padStart(14)}${'redis cpu/rt'.padStart(14)}`,
  );
  for (const [side, figures] of [
    [baseline, base],
    [reference, ref],
    [busCalls, calls],
    [bus, ours],
  ] as const) {
    console.log(
      `${side.name.padEnd(30)}${fmt(figures.p50)}${fmt(figures.p99)}${fmt(figures.p999)}` +
        `${cpu(figures.node).padStart(14)}${cpu(figures.redis).padStart(14)}`,
    );
  }
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  console.log(
    `ratio (bus / baseline)         p50 ${ratio(ours.p50, base.p50)}x (target <= ${TARGET_P50_RATIO}x)` +
      `  p99 ${ratio(ours.p99, base.p99)}x (target <= ${TARGET_P99_RATIO}x)  p99.9 ${ratio(ours.p999, base.p999)}x`,
  );
  console.log(
    `ratio (ref streams / base)     p50 ${ratio(ref.p50, base.p50)}x  p99 ${ratio(ref.p99, base.p99)}x` +
      `  p99.9 ${ratio(ref.p999, base.p999)}x  (XADD, blocked read, XACK+XDEL+PUBLISH: no id record)`,
  );
  console.log(
    `ratio (ref bus calls / base)   p50 ${ratio(calls.p50, base.p50)}x  p99 ${ratio(calls.p99, base.p99)}x` +
      `  p99.9 ${ratio(calls.p999, base.p999)}x  (the floor of the bus's design, without its Node work)`,
  );
  const met = ours.p50 / base.p50 <= TARGET_P50_RATIO && ours.p99 / base.p99 <= TARGET_P99_RATIO;
  console.log(met ? 'targets met' : 'targets NOT met');
}

await main();
