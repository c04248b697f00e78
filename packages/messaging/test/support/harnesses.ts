import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import {
  CHANNELS,
  InProcessCommandBroker,
  InProcessFanOutHub,
  createInProcessCommandBus,
  createInProcessEventBus,
  createRedisClient,
  createRedisCommandBus,
  createRedisEventBus,
  createRedisStreamBus,
  type CommandBus,
  type CommandBusTuning,
  type EventBus,
} from '../../src/index.js';
import { logger } from './fixtures.js';

/** A command bus that can also crash on purpose. */
export type TestCommandBus = CommandBus & { abandon(): void };

/** Everything the command bus contract suite needs from one implementation. */
export interface CommandBusHarness {
  /** A bus on the shared "server" of this harness (several buses per test play gateway and audio). */
  bus(registry: Registry, tuning?: Partial<CommandBusTuning>): TestCommandBus;
  /** Puts raw text on the command stream, bypassing the sender (for malformed messages). */
  injectRaw(text: string): Promise<void>;
  /**
   * Appends `text` and puts it into the pending entries of `consumer`'s consumer without giving it to it: what
   * a read whose reply was lost with its connection leaves behind.
   */
  strand(consumer: TestCommandBus, text: string): Promise<void>;
  /** Drops `consumer`'s stream-reading connection (it reconnects by itself); nothing to drop in memory. */
  interruptReads(consumer: TestCommandBus): Promise<void>;
  /** Closes every bus it made and removes what the test left behind. */
  dispose(): Promise<void>;
}

/** Everything the fan-out contract suite needs from one implementation. */
export interface EventBusHarness {
  bus(registry: Registry): EventBus;
  /** Publishes raw text on a channel, bypassing the bus (for malformed messages). */
  publishRaw(channel: string, text: string): Promise<void>;
  dispose(): Promise<void>;
}

/** Defaults for tests: fast reclaim and short blocking reads so the suite stays quick. */
export const FAST_TUNING = { claimIdleMs: 300, blockMs: 100 } as const satisfies Partial<CommandBusTuning>;

/** The consumer name each harness bus was given. */
function consumerNames() {
  const names = new WeakMap<TestCommandBus, string>();
  return {
    add(bus: TestCommandBus, name: string): TestCommandBus {
      names.set(bus, name);
      return bus;
    },
    of(bus: TestCommandBus): string {
      const name = names.get(bus);
      if (name === undefined) throw new Error('not a bus of this harness');
      return name;
    },
  };
}

export function inProcessCommandHarness(): CommandBusHarness {
  const broker = new InProcessCommandBroker();
  const buses: TestCommandBus[] = [];
  const names = consumerNames();
  return {
    bus(registry, tuning = {}) {
      const consumerName = randomUUID();
      const bus = createInProcessCommandBus({
        broker,
        consumerName,
        logger,
        registry,
        ...FAST_TUNING,
        ...tuning,
      });
      buses.push(bus);
      return names.add(bus, consumerName);
    },
    injectRaw(text) {
      broker.enqueue(randomUUID(), 'nobody', text, 60_000);
      return Promise.resolve();
    },
    strand(consumer, text) {
      broker.strand(names.of(consumer), text);
      return Promise.resolve();
    },
    interruptReads: () => Promise.resolve(),
    async dispose() {
      await Promise.all(buses.map((bus) => bus.close()));
    },
  };
}

/** A unique key prefix per harness, so parallel test files and tests never collide. */
function uniquePrefix(file: string): string {
  return `test:${file}:${randomUUID().slice(0, 8)}:`;
}

/** XADD + XREADGROUP under a consumer's name, in one step so no reader takes the entry in between. */
const STRAND_SCRIPT = `
local entry = redis.call('XADD', KEYS[1], '*', 'm', ARGV[1])
redis.call('XREADGROUP', 'GROUP', ARGV[2], ARGV[3], 'COUNT', 1, 'STREAMS', KEYS[1], '>')
return entry
`;

export function redisCommandHarness(url: string, file: string): CommandBusHarness {
  const prefix = uniquePrefix(file);
  const template = createRedisClient(url);
  const buses: TestCommandBus[] = [];
  const names = consumerNames();
  return {
    bus(registry, tuning = {}) {
      const consumerName = randomUUID();
      const bus = createRedisCommandBus({
        redis: template,
        prefix,
        consumerName,
        logger,
        registry,
        ...FAST_TUNING,
        ...tuning,
      });
      buses.push(bus);
      return names.add(bus, consumerName);
    },
    async injectRaw(text) {
      await template.xadd(prefix + CHANNELS.commands, '*', 'm', text);
    },
    async strand(consumer, text) {
      await template.eval(STRAND_SCRIPT, 1, prefix + CHANNELS.commands, text, 'audio', names.of(consumer));
    },
    async interruptReads(consumer) {
      const name = `${names.of(consumer)}:command-reader`;
      const clients = String(await template.client('LIST')).split('\n');
      const id = clients.find((line) => line.includes(` name=${name} `))?.match(/^id=(\d+)/)?.[1];
      if (id === undefined) throw new Error(`no connection named ${name}`);
      await template.client('KILL', 'ID', id);
    },
    async dispose() {
      await Promise.all(buses.map((bus) => bus.close()));
      await deleteByPrefix(template, prefix);
      template.disconnect();
    },
  };
}

export function inProcessEventHarness(): EventBusHarness {
  const hub = new InProcessFanOutHub();
  return {
    bus: (registry) => createInProcessEventBus({ hub, logger, registry }),
    publishRaw: (channel, text) => hub.publish(channel, text),
    dispose: () => hub.close(),
  };
}

export function redisEventHarness(url: string, file: string, kind: 'pub-sub' | 'stream'): EventBusHarness {
  const prefix = uniquePrefix(file);
  const template = createRedisClient(url);
  const buses: EventBus[] = [];
  return {
    bus(registry) {
      const options = { redis: template, prefix, logger, registry, blockMs: 100 };
      const bus = kind === 'stream' ? createRedisStreamBus(options) : createRedisEventBus(options);
      buses.push(bus);
      return bus;
    },
    async publishRaw(channel, text) {
      if (kind === 'stream') await template.xadd(prefix + channel, '*', 'm', text);
      else await template.publish(prefix + channel, text);
    },
    async dispose() {
      await Promise.all(buses.map((bus) => bus.close()));
      await deleteByPrefix(template, prefix);
      template.disconnect();
    },
  };
}

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}
