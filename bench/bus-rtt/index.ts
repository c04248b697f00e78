/**
 * bus-rtt: gateway -> audio -> gateway request/reply over Redis through @discord-bot/messaging, beside a
 * baseline of the same round trip over bare ioredis pub/sub with a responder that does nothing.
 *
 *   npm run bench -- bus-rtt
 *   BENCH_PROCESSES=2 npm run bench -- bus-rtt
 *
 * Env: REDIS_URL (default redis://127.0.0.1:6379), BENCH_ROUND_TRIPS (default 10000 per side), BENCH_WARM_UP
 * (round trips per side before measuring, default 5000), BENCH_BLOCK (round trips per alternating block,
 * default 1000), BENCH_PROCESSES (1, the default: senders and responders of every side share one process and
 * its event loop; 2: the responders run in a child process, as the audio service runs apart from the gateway).
 * Sides run alternately in blocks, so drift on a shared machine hits all alike. Keys live under a unique prefix,
 * removed at the end.
 *
 * Besides latency, each side's CPU per round trip: Node's (process.cpuUsage of the senders' process, plus the
 * responders' process when apart) and the Redis server's (INFO cpu, the whole server: approximate when
 * something else uses it), measured around its blocks.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createRedisClient } from '@discord-bot/messaging';
import type { Redis } from 'ioredis';
import { SIDES, type Closable, type Sender, type SideDefinition } from './sides.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? 10_000);
const BLOCK = Number(process.env.BENCH_BLOCK ?? 1_000);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 1);
/** Set in the child that runs the responders, to the key prefix of the run. */
const RESPONDERS_OF = process.env.BENCH_RESPONDERS_OF;
/**
 * Round trips per side before measuring. The bus's code runs unoptimized for its first few thousand round
 * trips (measured per 1000: p99 3.4, 2.1, 1.3, 0.7 ms, then steady at ~0.33 ms from the fifth thousand; the
 * bare side is steady after two), and a service runs for days: what is compared is steady state.
 */
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 5_000);
const TARGET_P50_RATIO = 1.5;
const TARGET_P99_RATIO = 2;

/** What the parent asks the responders' process, and what it answers. */
type ToResponders = 'cpu' | 'close';
interface FromResponders {
  readonly ready?: true;
  readonly cpuUs?: number;
}

/** The responders, in this process or in a child: started, asked for their process's CPU, stopped. */
interface Responders {
  /** CPU used by the responders' process so far (0 when it is this process: counted already). */
  cpuUs(): Promise<number>;
  close(): Promise<void>;
}

async function startResponders(prefix: string): Promise<Closable[]> {
  const started: Closable[] = [];
  for (const side of SIDES) started.push(await side.responder(REDIS_URL, prefix));
  return started;
}

async function inProcessResponders(prefix: string): Promise<Responders> {
  const started = await startResponders(prefix);
  return {
    cpuUs: () => Promise.resolve(0),
    async close() {
      await Promise.all(started.map((responder) => responder.close()));
    },
  };
}

async function childResponders(prefix: string): Promise<Responders> {
  const child: ChildProcess = fork(process.argv[1]!, [], {
    env: { ...process.env, BENCH_RESPONDERS_OF: prefix },
  });
  const next = async () => ((await once(child, 'message')) as [FromResponders])[0];
  const ask = (message: ToResponders) => child.send(message);
  if ((await next()).ready !== true) throw new Error('the responders did not start');
  return {
    async cpuUs() {
      ask('cpu');
      return (await next()).cpuUs ?? Number.NaN;
    },
    async close() {
      const exited = once(child, 'exit');
      ask('close');
      await exited;
    },
  };
}

/** The child's side of {@link childResponders}. */
async function serveResponders(prefix: string): Promise<void> {
  const started = await startResponders(prefix);
  const reply = (message: FromResponders) => process.send?.(message);
  process.on('message', (message: ToResponders) => {
    if (message === 'cpu') {
      const used = process.cpuUsage();
      reply({ cpuUs: used.user + used.system });
      return;
    }
    void Promise.all(started.map((responder) => responder.close())).then(() => process.exit(0));
  });
  reply({ ready: true });
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

const emptySamples = (): Samples => ({ latencies: [], nodeCpuUs: 0, redisCpuUs: 0 });

/** Seconds of CPU the Redis server has used (user + system). */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const read = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? Number.NaN);
  return read('used_cpu_user') + read('used_cpu_sys');
}

async function measure(
  sender: Sender,
  count: number,
  into: Samples,
  probe: Redis,
  responders: Responders,
): Promise<void> {
  const redisBefore = await redisCpuSeconds(probe);
  const respondersBefore = await responders.cpuUs();
  const nodeBefore = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    const start = performance.now();
    await sender.roundTrip();
    into.latencies.push(performance.now() - start);
  }
  const node = process.cpuUsage(nodeBefore);
  into.nodeCpuUs += node.user + node.system + ((await responders.cpuUs()) - respondersBefore);
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

interface Figures {
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
  readonly node: number;
  readonly redis: number;
}

function figuresOf({ latencies, nodeCpuUs, redisCpuUs }: Samples): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    p999: percentile(sorted, 99.9),
    node: nodeCpuUs / latencies.length,
    redis: redisCpuUs / latencies.length,
  };
}

function report(results: readonly (readonly [SideDefinition, Figures])[]): void {
  const fmt = (ms: number) => `${(ms * 1_000).toFixed(0).padStart(7)} us`;
  const cpu = (us: number) => `${us.toFixed(0).padStart(7)} us`.padStart(14);
  const layout = PROCESSES === 2 ? 'responders in a child process' : 'one process';
  console.log(
    `bus-rtt: ${ROUND_TRIPS} round trips per side after ${WARM_UP} to warm up, over ${REDIS_URL}, ` +
      `alternating blocks of ${BLOCK}, ${layout}`,
  );
  console.log(
    `${'side'.padEnd(30)}${'p50'.padStart(11)}${'p99'.padStart(11)}${'p99.9'.padStart(11)}` +
      `${'node cpu/rt'.padStart(14)}${'redis cpu/rt'.padStart(14)}`,
  );
  for (const [side, figures] of results) {
    console.log(
      `${side.name.padEnd(30)}${fmt(figures.p50)}${fmt(figures.p99)}${fmt(figures.p999)}` +
        `${cpu(figures.node)}${cpu(figures.redis)}`,
    );
  }
  const [base, ref, calls, ours] = results.map(([, figures]) => figures) as [
    Figures,
    Figures,
    Figures,
    Figures,
  ];
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

async function main(): Promise<void> {
  const prefix = `bench:bus-rtt:${randomUUID().slice(0, 8)}:`;
  const probe = createRedisClient(REDIS_URL);
  await probe.connect();
  const responders = PROCESSES === 2 ? await childResponders(prefix) : await inProcessResponders(prefix);
  const senders: Sender[] = [];
  const samples = new Map<SideDefinition, Samples>();
  try {
    for (const side of SIDES) {
      senders.push(await side.sender(REDIS_URL, prefix));
      samples.set(side, emptySamples());
    }
    for (const sender of senders) await measure(sender, WARM_UP, emptySamples(), probe, responders);
    for (let done = 0; done < ROUND_TRIPS; done += BLOCK) {
      const block = Math.min(BLOCK, ROUND_TRIPS - done);
      for (const [index, side] of SIDES.entries()) {
        await measure(senders[index]!, block, samples.get(side)!, probe, responders);
      }
    }
  } finally {
    await Promise.all(senders.map((sender) => sender.close()));
    await responders.close();
    probe.disconnect();
    await cleanUp(prefix);
  }
  report(SIDES.map((side) => [side, figuresOf(samples.get(side)!)] as const));
}

if (RESPONDERS_OF === undefined) await main();
else await serveResponders(RESPONDERS_OF);
