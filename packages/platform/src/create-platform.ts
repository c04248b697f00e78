import type { LavalinkNodeConfig } from '@discord-bot/config';
import { createDatabase, type Database } from '@discord-bot/database';
import type { Logger } from '@discord-bot/logger';
import {
  createInProcessCommandBus,
  createInProcessEventBus,
  createRedisClient,
  createRedisCommandBus,
  createRedisEventBus,
  createRedisStreamBus,
  InProcessCommandBroker,
  InProcessFanOutHub,
  type CommandBus,
  type EventBus,
} from '@discord-bot/messaging';
import { down, up, type ReadinessRegistrar } from '@discord-bot/observability';
import type { Redis } from 'ioredis';
import type { Registry } from 'prom-client';
import { startEmbeddedAudioNode } from './embedded-audio-node.js';
import { once } from './once.js';
import type { Platform } from './platform.js';
import type { PlatformConfig } from './platform-config.js';
import { PlatformError } from './platform-error.js';

/** Where the platform registers what must close at shutdown (the process lifecycle). */
export interface PlatformShutdownRegistrar {
  onShutdown(name: string, hook: () => void | Promise<void>): void;
}

/** Options of {@link createPlatform}: the process's config and its host parts. */
export interface PlatformOptions {
  readonly config: PlatformConfig;
  readonly logger: Logger;
  readonly metrics: Registry;
  readonly readiness: ReadinessRegistrar;
  readonly lifecycle: PlatformShutdownRegistrar;
  /** `PATH` the embedded audio node searches for `ffmpeg`; none searched when absent. */
  readonly executablePath?: string | undefined;
  /** Prepended to every Redis key and channel (tests use a unique one per file). */
  readonly keyPrefix?: string | undefined;
}

function required<T>(value: T | undefined, area: string): T {
  if (value === undefined) {
    throw new PlatformError('PLATFORM_AREA_MISSING', `this service's config has no ${area} area`, {
      details: { area },
    });
  }
  return value;
}

/**
 * Builds the {@link Platform} of a process. Nothing connects until first asked for; each resource, once
 * made, registers its readiness check and its shutdown step, so it closes after the services that asked for
 * it (shutdown hooks run last registered first).
 *
 * @example
 * const platform = createPlatform({ config, logger, metrics, readiness, lifecycle });
 * const nodes = await platform.audioNodes();
 */
export function createPlatform(options: PlatformOptions): Platform {
  const { config, metrics: registry, readiness, lifecycle } = options;
  const logger = options.logger.child({ component: 'platform' });
  const prefix = options.keyPrefix ?? '';

  const redis = once((): Redis | null => {
    const url = config.redis?.url;
    if (url === undefined) return null;
    const client = createRedisClient(url);
    client.on('error', (error: Error) => logger.debug({ err: error }, 'redis template connection error'));
    readiness.register('redis', async () => {
      const started = performance.now();
      await client.ping();
      return up(`${Math.round(performance.now() - started)} ms`);
    });
    lifecycle.onShutdown('redis', () => {
      client.disconnect();
    });
    return client;
  });

  const broker = once(() => new InProcessCommandBroker());
  const hub = once(() => new InProcessFanOutHub());

  const sharedBus = (name: string, make: (client: Redis | null) => EventBus) =>
    once((): EventBus => {
      const bus = make(redis());
      lifecycle.onShutdown(name, () => bus.close());
      return bus;
    });

  const busOptions = { logger: logger.child({ component: 'messaging' }), registry, prefix };

  let database: Promise<Database> | undefined;
  let nodes: Promise<readonly LavalinkNodeConfig[]> | undefined;

  return {
    database() {
      if (database === undefined) {
        const opening = openDatabase(options, logger);
        database = opening;
        // Registered at the first request, so it runs after the shutdown steps of whoever asked.
        lifecycle.onShutdown('database', async () => {
          const db = await opening.catch(() => undefined);
          await db?.close();
        });
        opening.catch(() => {
          if (database === opening) database = undefined;
        });
      }
      return database;
    },

    commandBus(): CommandBus {
      const client = redis();
      return client === null
        ? createInProcessCommandBus({ ...busOptions, broker: broker() })
        : createRedisCommandBus({ ...busOptions, redis: client });
    },

    uiEvents: sharedBus('ui:now bus', (client) =>
      client === null
        ? createInProcessEventBus({ ...busOptions, hub: hub() })
        : createRedisEventBus({ ...busOptions, redis: client }),
    ),
    toAudio: sharedBus('to-audio bus', (client) =>
      client === null
        ? createInProcessEventBus({ ...busOptions, hub: hub() })
        : createRedisStreamBus({ ...busOptions, redis: client }),
    ),
    toDiscord: sharedBus('to-discord bus', (client) =>
      client === null
        ? createInProcessEventBus({ ...busOptions, hub: hub() })
        : createRedisStreamBus({ ...busOptions, redis: client }),
    ),

    redis,

    audioNodes() {
      if (nodes === undefined) {
        const closers: (() => Promise<void>)[] = [];
        const resolving = resolveAudioNodes(options, logger, closers);
        nodes = resolving;
        lifecycle.onShutdown('audio node', async () => {
          await resolving.catch(() => undefined);
          await Promise.all(closers.map((close) => close()));
        });
        resolving.catch(() => {
          if (nodes === resolving) nodes = undefined;
        });
      }
      return nodes;
    },
  };
}

async function openDatabase(options: PlatformOptions, logger: Logger): Promise<Database> {
  const config = required(options.config.database, 'database');
  const db = await createDatabase({
    url: config.url,
    dataDir: config.dataDir,
    logger,
    registry: options.metrics,
  });
  options.readiness.register('database', async () => {
    const result = await db.ping();
    return result.ok ? up(`${Math.round(result.value.latencyMs)} ms`) : down(result.error.message);
  });
  return db;
}

async function resolveAudioNodes(
  options: PlatformOptions,
  logger: Logger,
  closers: (() => Promise<void>)[],
): Promise<readonly LavalinkNodeConfig[]> {
  const configured = required(options.config.lavalink, 'lavalink').nodes;
  if (configured !== undefined) return configured;
  const { node, descriptor } = await startEmbeddedAudioNode({
    config: options.config.audioNode,
    logger,
    registry: options.metrics,
    executablePath: options.executablePath,
  });
  closers.push(() => node.close());
  return [descriptor];
}
