import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

/** Buckets in seconds: from a cache hit to a slow dependency. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Records `http_request_duration_seconds{method,route,status_code}` for every request `app` serves. */
export function instrumentHttp(app: FastifyInstance, registry: Registry): void {
  const histogram = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      {
        method: request.method,
        // The template, never the raw URL: ids in paths would explode the series count.
        route: request.routeOptions.url ?? 'unmatched',
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1_000,
    );
    done();
  });
}
