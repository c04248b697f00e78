import { startApi } from '@discord-bot/api';
import { startAudio } from '@discord-bot/audio';
import type { SingleNodeConfig } from '@discord-bot/config';
import { startGateway } from '@discord-bot/gateway';
import { createPlatform } from '@discord-bot/platform';
import type { ServiceHost } from '@discord-bot/runtime';
import { startWorker } from '@discord-bot/worker';

/** Options of {@link startSingleNode}. */
export interface SingleNodeOptions {
  /** `PATH` the embedded audio node searches for `ffmpeg`; none searched when absent. */
  readonly executablePath?: string;
}

/**
 * Starts everything inside one host: the four services on ONE platform (one database, one in-process
 * broker unless `REDIS_URL` is set, and the embedded audio node unless `LAVALINK_NODES` is set, started by
 * the audio service's first request for nodes). One config, one logger root (each service logs with its
 * `component`), one metrics registry and one HTTP port (readiness checks are named `<service>/<check>`).
 * Shutdown runs in reverse: gateway first; shared resources close after the services that use them.
 * Services talk only through the seams (bus, database), never by calling each other.
 */
export async function startSingleNode(
  host: ServiceHost,
  config: SingleNodeConfig,
  options: SingleNodeOptions = {},
): Promise<void> {
  const platform = createPlatform({
    config,
    logger: host.logger,
    metrics: host.metrics,
    readiness: host.readiness,
    lifecycle: host.lifecycle,
    executablePath: options.executablePath,
  });
  await startWorker(host.context(config, 'worker', platform));
  await startAudio(host.context(config, 'audio', platform));
  await startApi(host.context(config, 'api', platform));
  await startGateway(host.context(config, 'gateway', platform));
}
