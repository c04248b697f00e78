import type { ServerConfig } from '@discord-bot/config';
import { createLogger, type Logger } from '@discord-bot/logger';
import {
  ReadinessRegistry,
  createMetricsRegistry,
  createServiceServer,
  down,
  up,
  type Registry,
} from '@discord-bot/observability';
import { createPlatform, type Platform, type PlatformConfig } from '@discord-bot/platform';
import type { FastifyInstance } from 'fastify';
import { Lifecycle } from './lifecycle.js';
import type { ServiceContext } from './service-context.js';

/** The shared parts of a process: one logger root, one metrics registry, one HTTP server, one lifecycle. */
export interface ServiceHost {
  readonly logger: Logger;
  readonly metrics: Registry;
  readonly readiness: ReadinessRegistry;
  readonly http: FastifyInstance;
  readonly lifecycle: Lifecycle;
  /** The process's platform, made from the host's config on first use. */
  readonly platform: Platform;
  /**
   * The context handed to a service; `component` names it in logs and readiness in a shared process.
   * `platform` replaces the host's own (single-node passes one platform to every service).
   */
  context<C>(config: C, component?: string, platform?: Platform): ServiceContext<C>;
  /** Binds the HTTP server and marks the process running; resolves with the bound port. */
  listen(): Promise<number>;
}

/** Options of {@link createServiceHost}. */
export interface ServiceHostOptions {
  /** `service` label of logs and metrics. */
  readonly service: string;
  readonly config: ServerConfig & PlatformConfig;
  /** Root logger; made from `config.log` when absent. */
  readonly logger?: Logger;
  /** Hard shutdown limit, see {@link Lifecycle}. */
  readonly shutdownTimeoutMs?: number;
}

/**
 * Builds the host of a process. `/ready` includes a `lifecycle` check that is up only between the end of
 * start-up and the beginning of shutdown. The HTTP server is the first shutdown hook registered, so it
 * closes last: probes keep answering (not ready) while services drain.
 */
export function createServiceHost(options: ServiceHostOptions): ServiceHost {
  const { config, service } = options;
  const logger =
    options.logger ?? createLogger({ service, level: config.log.level, pretty: config.log.pretty });
  const metrics = createMetricsRegistry({ service });
  const readiness = new ReadinessRegistry();
  const lifecycle = new Lifecycle({
    logger,
    ...(options.shutdownTimeoutMs === undefined ? {} : { timeoutMs: options.shutdownTimeoutMs }),
  });
  const http = createServiceServer({ logger, metrics, readiness });

  let platform: Platform | undefined;
  const ownPlatform = () => (platform ??= createPlatform({ config, logger, metrics, readiness, lifecycle }));

  readiness.register('lifecycle', () => (lifecycle.state === 'running' ? up() : down(lifecycle.state)));
  lifecycle.onShutdown('http server', () => http.close());

  return {
    logger,
    metrics,
    readiness,
    http,
    lifecycle,
    get platform() {
      return ownPlatform();
    },
    context: (serviceConfig, component, given) => ({
      config: serviceConfig,
      logger: component === undefined ? logger : logger.child({ component }),
      metrics,
      readiness: component === undefined ? readiness : readiness.scoped(component),
      http,
      lifecycle,
      platform: given ?? ownPlatform(),
    }),
    async listen() {
      await http.listen({ host: config.http.host, port: config.http.port });
      const address = http.server.address();
      const port = typeof address === 'object' && address !== null ? address.port : config.http.port;
      lifecycle.markRunning();
      logger.info({ host: config.http.host, port }, 'listening');
      return port;
    },
  };
}
