import type { Logger } from '@discord-bot/logger';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { instrumentHttp } from './http-metrics.js';
import type { ReadinessRegistry } from './readiness.js';

/** Routes that orchestrators and Prometheus poll. */
const PROBE_ROUTES = new Set(['/health', '/ready', '/metrics']);

/** Options of {@link createServiceServer}. */
export interface ServiceServerOptions {
  readonly logger: Logger;
  readonly metrics: Registry;
  readonly readiness: ReadinessRegistry;
}

/**
 * The HTTP server every service runs: `GET /health` (liveness: the process answers), `GET /ready`
 * (readiness: every dependency, 503 when one is down), `GET /metrics` (Prometheus text). Services add
 * their own routes before `listen`.
 *
 * @example
 * const http = createServiceServer({ logger, metrics, readiness });
 * await http.listen({ host: config.http.host, port: config.http.port });
 */
export function createServiceServer(options: ServiceServerOptions): FastifyInstance {
  // Typed as Fastify's base logger so the instance is the plain `FastifyInstance` routes are written against.
  const loggerInstance: FastifyBaseLogger = options.logger.child({ component: 'http' });
  const app = Fastify({
    loggerInstance,
    // Probes hit these routes every few seconds; a line per request would drown the log.
    logController: new LogController({ disableRequestLogging: (request) => PROBE_ROUTES.has(request.url) }),
  });
  instrumentHttp(app, options.metrics);

  app.get('/health', (_request, reply) =>
    reply.send({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
  );

  app.get('/ready', async (_request, reply) => {
    const report = await options.readiness.evaluate();
    return reply
      .code(report.ready ? 200 : 503)
      .send({ status: report.ready ? 'ready' : 'not_ready', checks: report.checks });
  });

  app.get('/metrics', async (_request, reply) => {
    const body = await options.metrics.metrics();
    return reply.type(options.metrics.contentType).send(body);
  });

  return app;
}
