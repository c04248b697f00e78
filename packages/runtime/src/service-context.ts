import type { Logger } from '@discord-bot/logger';
import type { ReadinessRegistrar, Registry } from '@discord-bot/observability';
import type { Platform } from '@discord-bot/platform';
import type { FastifyInstance } from 'fastify';
import type { ShutdownRegistrar } from './lifecycle.js';

/**
 * Everything a service needs from its host, the same whether it runs alone (`<service>/src/main.ts`) or
 * beside the others in single-node mode. A service adds its routes to `http`, its metrics to `metrics`,
 * the checks of its dependencies to `readiness`, and its shutdown steps to `lifecycle`.
 */
export interface ServiceContext<C> {
  readonly config: C;
  readonly logger: Logger;
  readonly metrics: Registry;
  readonly readiness: ReadinessRegistrar;
  /** Register routes before start-up ends: the server listens once every service has started. */
  readonly http: FastifyInstance;
  readonly lifecycle: ShutdownRegistrar;
  /** The process's shared infrastructure (database, buses, audio nodes); one for all services of a process. */
  readonly platform: Platform;
}

/**
 * Starts one service. It must return quickly: connections that take time (Discord login, Lavalink) are
 * started in the background and reported through readiness, never awaited here.
 */
export type StartService<C> = (context: ServiceContext<C>) => void | Promise<void>;
