import { parseServiceConfig } from '@discord-bot/config';
import { createSilentLogger } from '@discord-bot/logger';
import { down, up } from '@discord-bot/observability';
import { createServiceHost, type ServiceHost } from '@discord-bot/runtime';
import { afterEach, describe, expect, it } from 'vitest';

function workerConfig() {
  const result = parseServiceConfig('worker', { WORKER_PORT: '0' });
  if (!result.ok) throw new Error('invalid test config');
  return result.value;
}

describe('createServiceHost', () => {
  let host: ServiceHost | undefined;
  afterEach(async () => {
    await host?.lifecycle.shutdown('test end');
  });

  it('GIVEN a started service THEN /ready is 503 until listening, then 200 with its scoped checks', async () => {
    const config = workerConfig();
    host = createServiceHost({ service: 'worker', config, logger: createSilentLogger() });
    const context = host.context(config, 'worker');
    let jobsUp = true;
    context.readiness.register('jobs', () => (jobsUp ? up() : down('queue closed')));
    context.http.get('/jobs', (_request, reply) => reply.send({ jobs: 0 }));

    const before = await host.http.inject({ method: 'GET', url: '/ready' });
    expect(before.statusCode).toBe(503);
    expect(before.json()).toMatchObject({ checks: { lifecycle: { state: 'down', detail: 'starting' } } });

    const port = await host.listen();
    expect(port).toBeGreaterThan(0);
    const ready = await fetch(`http://127.0.0.1:${port}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      checks: { lifecycle: { state: 'up' }, 'worker/jobs': { state: 'up' } },
    });
    expect(await (await fetch(`http://127.0.0.1:${port}/jobs`)).json()).toEqual({ jobs: 0 });

    jobsUp = false;
    expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(503);
  });

  it('GIVEN shutdown THEN service hooks run before the HTTP server closes, and readiness turns down first', async () => {
    const config = workerConfig();
    host = createServiceHost({ service: 'worker', config, logger: createSilentLogger() });
    const running = host;
    const seen: string[] = [];
    running.lifecycle.onShutdown('drain', async () => {
      const ready = await running.http.inject({ method: 'GET', url: '/ready' });
      seen.push(`ready ${ready.statusCode} while draining`);
    });
    await running.listen();

    expect(await running.lifecycle.shutdown('test')).toBe(0);
    expect(seen).toEqual(['ready 503 while draining']);
    expect(running.http.server.listening).toBe(false);
  });

  it('THEN metrics carry the service label', async () => {
    const config = workerConfig();
    host = createServiceHost({ service: 'worker', config, logger: createSilentLogger() });
    expect(await host.metrics.metrics()).toMatch(/^process_cpu_seconds_total\{service="worker"\} /m);
  });
});
