import { createSilentLogger } from '@discord-bot/logger';
import {
  Counter,
  ReadinessRegistry,
  createMetricsRegistry,
  createServiceServer,
  down,
  up,
} from '@discord-bot/observability';
import { afterEach, describe, expect, it } from 'vitest';

function setup() {
  const metrics = createMetricsRegistry({ service: 'test-service' });
  const readiness = new ReadinessRegistry();
  const app = createServiceServer({ logger: createSilentLogger(), metrics, readiness });
  return { app, metrics, readiness };
}

describe('service server', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('GET /health answers 200 while the process lives', async () => {
    const { app } = setup();
    close = () => app.close();
    const response = await app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok' });
  });

  it('GET /ready answers 200 when every dependency is up and 503 with the culprit when one is down', async () => {
    const { app, readiness } = setup();
    close = () => app.close();
    let redisUp = true;
    readiness.register('database', () => up());
    readiness.register('redis', () => (redisUp ? up() : down('connection refused')));

    const ready = await app.inject({ method: 'GET', url: '/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ready',
      checks: { database: { state: 'up' }, redis: { state: 'up' } },
    });

    redisUp = false;
    const notReady = await app.inject({ method: 'GET', url: '/ready' });
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({
      status: 'not_ready',
      checks: { database: { state: 'up' }, redis: { state: 'down', detail: 'connection refused' } },
    });
  });

  it('GET /metrics serves Prometheus text: process metrics, own metrics, HTTP timings, service label', async () => {
    const { app, metrics } = setup();
    close = () => app.close();
    const counter = new Counter({ name: 'test_things_total', help: 'Things.', registers: [metrics] });
    counter.inc(3);
    await app.inject({ method: 'GET', url: '/health' });

    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('test_things_total{service="test-service"} 3');
    expect(response.body).toMatch(/^process_cpu_user_seconds_total\{service="test-service"\} /m);
    expect(response.body).toMatch(/^nodejs_eventloop_lag_seconds\{service="test-service"\} /m);
    expect(response.body).toContain(
      'http_request_duration_seconds_count{service="test-service",method="GET",route="/health",status_code="200"} 1',
    );
  });

  it('GIVEN an unknown path THEN 404, recorded under an "unmatched" route', async () => {
    const { app, metrics } = setup();
    close = () => app.close();
    expect((await app.inject({ method: 'GET', url: '/nope/123' })).statusCode).toBe(404);
    expect(await metrics.metrics()).toContain('route="unmatched",status_code="404"');
  });
});
