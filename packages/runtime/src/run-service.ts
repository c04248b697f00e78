import { loadServiceConfig, type ServiceConfigs } from '@discord-bot/config';
import { createServiceHost, type ServiceHost } from './service-host.js';
import type { StartService } from './service-context.js';

/** Services that run alone with their own health/metrics server. */
export type StandaloneService = 'gateway' | 'audio' | 'api' | 'worker';

/**
 * Runs a process around `host`: signal handling, `start` (the services), then the HTTP server. A start-up
 * failure is logged, whatever was started is shut down, and the process exits 1.
 */
export async function runHost(host: ServiceHost, start: () => void | Promise<void>): Promise<void> {
  host.lifecycle.handleSignals();
  try {
    await start();
    await host.listen();
  } catch (error) {
    host.logger.fatal({ err: error }, 'start-up failed');
    await host.lifecycle.shutdown('start-up failed');
    process.exit(1);
  }
}

/**
 * The whole `main.ts` of a service: config (exit on any problem) -> logger -> service -> HTTP server ->
 * graceful shutdown on SIGTERM/SIGINT.
 *
 * @example
 * await runService('worker', startWorker);
 */
export async function runService<N extends StandaloneService>(
  service: N,
  start: StartService<ServiceConfigs[N]>,
): Promise<void> {
  const config = loadServiceConfig(service);
  const host = createServiceHost({ service, config });
  await runHost(host, () => start(host.context(config)));
}
