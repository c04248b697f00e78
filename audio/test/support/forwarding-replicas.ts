/**
 * Audio replicas reduced to their command routing, inside one test process: each has an inbox (in-process
 * brokers, or Redis streams), a forwarder and the route of the real service, and a recording handler in place
 * of the players. Leases and liveness are a shared table the test can change at will.
 */
import { randomUUID } from 'node:crypto';
import { ok } from '@discord-bot/errors';
import { createSilentLogger } from '@discord-bot/logger';
import {
  InProcessCommandBroker,
  createInProcessCommandBus,
  createRedisClient,
  createRedisCommandBus,
  type AnyCommand,
  type AnyCommandOutcome,
  type CommandBus,
  type CommandHandler,
} from '@discord-bot/messaging';
import { createMetricsRegistry } from '@discord-bot/observability';
import type { Redis } from 'ioredis';
import { CommandForwarder } from '../../src/ownership/command-forwarder.js';
import type { GuildOwnership } from '../../src/ownership/guild-ownership.js';
import { inProcessInboxOpener, redisInboxOpener } from '../../src/ownership/inbox-openers.js';
import { ReplicaInboxes, type InboxOpener } from '../../src/ownership/replica-inboxes.js';
import { routeToOwner, runAsOwner, type OwnerRouting } from '../../src/ownership/route-to-owner.js';

const logger = createSilentLogger();
const registry = () => createMetricsRegistry({ service: 'forwarding-test', defaultMetrics: false });

/** One wait for a forwarded answer in these tests: short, so slow commands outlast several. */
export const TEST_ATTEMPT_MS = 150;

/** Leases and liveness every test replica reads: who owns which guild, who is alive. */
export class SharedLeases {
  readonly leases = new Map<string, string>();
  readonly alive = new Set<string>();
  /** Runs once after the next owner look-up (to change the owner under a command in flight). */
  afterLookup: (() => void) | undefined;

  ownership(replicaId: string): GuildOwnership {
    return {
      replicaId,
      claim: (guildId) => {
        const holder = this.leases.get(guildId);
        if (holder !== undefined && holder !== replicaId) return Promise.resolve(false);
        this.leases.set(guildId, replicaId);
        return Promise.resolve(true);
      },
      owner: (guildId) => {
        const holder = this.leases.get(guildId) ?? null;
        const after = this.afterLookup;
        this.afterLookup = undefined;
        after?.();
        return Promise.resolve(holder);
      },
      alive: (id) => Promise.resolve(this.alive.has(id)),
      release: (guildId) => {
        if (this.leases.get(guildId) === replicaId) this.leases.delete(guildId);
        return Promise.resolve();
      },
      close: () => Promise.resolve(),
    };
  }
}

/** A test replica: what its inbox ran, and its forwarder. */
export interface TestReplica {
  readonly id: string;
  /** Guilds it drives (has a player for). */
  readonly drives: Set<string>;
  /** Commands its handler ran, in order. */
  readonly runs: AnyCommand[];
  /** Held before the handler answers; resolve it to let the command finish. */
  delay: (command: AnyCommand) => Promise<void>;
  readonly forwarder: CommandForwarder;
  /** The route its shared-stream reader uses. */
  readonly route: CommandHandler;
}

/** Where the replicas' inboxes and the shared command stream live. */
export interface ForwardingTransport {
  /** The shared command stream: the gateway sends on it, reader replicas consume it. */
  sharedBus(): CommandBus;
  inboxOpener(replicaId: string): InboxOpener;
  dispose(): Promise<void>;
}

export function inProcessForwarding(): ForwardingTransport {
  const shared = new InProcessCommandBroker();
  const brokers = new Map<string, InProcessCommandBroker>();
  return {
    sharedBus: () => createInProcessCommandBus({ broker: shared, logger, registry: registry(), blockMs: 20 }),
    inboxOpener: (replicaId) => inProcessInboxOpener({ brokers, replicaId, logger, registry: registry() }),
    dispose: () => Promise.resolve(),
  };
}

export function redisForwarding(url: string): ForwardingTransport {
  const template: Redis = createRedisClient(url);
  const prefix = `forwarding-test:${randomUUID().slice(0, 8)}:`;
  return {
    sharedBus: () =>
      createRedisCommandBus({ redis: template, prefix, logger, registry: registry(), blockMs: 100 }),
    inboxOpener: (replicaId) =>
      redisInboxOpener({ redis: template, replicaId, logger, registry: registry() }),
    async dispose() {
      // Inbox streams are named by replica id (unique per test run) and the shared stream by the prefix.
      for (const pattern of [`${prefix}*`, 'audio:replica:forwarding-test-*']) {
        let cursor = '0';
        do {
          const [next, keys] = await template.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
          if (keys.length > 0) await template.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      }
      template.disconnect();
    },
  };
}

/** Builds replicas on one transport and one lease table; `close` stops them all. */
export function replicaSet(transport: ForwardingTransport) {
  const leases = new SharedLeases();
  const replicas: TestReplica[] = [];
  const buses: CommandBus[] = [];
  return {
    leases,
    /** A replica consuming its inbox; alive. `id` to take the inbox of one that was there before. */
    async replica(
      name: string,
      id = `forwarding-test-${name}-${randomUUID().slice(0, 8)}`,
    ): Promise<TestReplica> {
      const ownership = leases.ownership(id);
      const forwarder = new CommandForwarder({
        inboxes: new ReplicaInboxes(id, transport.inboxOpener(id)),
        ownership,
        logger,
        attemptMs: TEST_ATTEMPT_MS,
      });
      const runs: AnyCommand[] = [];
      const drives = new Set<string>();
      const replica: TestReplica = {
        id,
        drives,
        runs,
        delay: () => Promise.resolve(),
        forwarder,
        route: undefined as unknown as CommandHandler,
      };
      const handler: CommandHandler = async (command): Promise<AnyCommandOutcome> => {
        runs.push(command);
        await replica.delay(command);
        return command.type === 'volume'
          ? ok({ volume: command.payload.volume, previous: 100 })
          : ok({ clearedCount: 0 });
      };
      const routing: OwnerRouting = {
        handler,
        drives: (guildId) => drives.has(guildId),
        restore: (guildId) => {
          drives.add(guildId);
          return Promise.resolve();
        },
        ownership,
        forwarder,
      };
      (replica as { route: CommandHandler }).route = routeToOwner(routing);
      await forwarder.start(runAsOwner(routing));
      leases.alive.add(id);
      replicas.push(replica);
      return replica;
    },
    /** A bus on the shared stream (closed with the set). */
    bus(): CommandBus {
      const bus = transport.sharedBus();
      buses.push(bus);
      return bus;
    },
    async close() {
      await Promise.all(buses.map((bus) => bus.close()));
      await Promise.all(replicas.map((replica) => replica.forwarder.close()));
    },
  };
}

/** A volume command as a reader replica receives it from the shared stream. */
export function volumeCommand(guildId: string, volume: number, deadlineInMs = 5_000): AnyCommand {
  const id = randomUUID();
  return {
    id,
    type: 'volume',
    guildId,
    correlationId: id,
    sentAt: Date.now(),
    deadlineAt: Date.now() + deadlineInMs,
    payload: { volume },
  };
}
