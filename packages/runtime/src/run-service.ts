import type { ServiceConfigs } from '@discord-bot/config';
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
 * The rest of a service's `main.ts` once its config is loaded: logger -> service -> HTTP server ->
 * graceful shutdown on SIGTERM/SIGINT. `main.ts` loads the config first and imports the service (and this
 * package) only after, so a bad configuration is reported before any heavy module loads.
 *
 * @example
 * const config = loadServiceConfig('worker');
 * const { runService } = await import('@discord-bot/runtime');
 * const { startWorker } = await import('./start-worker.js');
 * await runService('worker', config, startWorker);
 */
export async function runService<N extends StandaloneService>(
  service: N,
  config: ServiceConfigs[N],
  start: StartService<ServiceConfigs[N]>,
): Promise<void> {
  const host = createServiceHost({ service, config });
  await runHost(host, () => start(host.context(config)));
}
