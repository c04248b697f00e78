import { startApi } from '@discord-bot/api';
import { startAudio } from '@discord-bot/audio';
import type { SingleNodeConfig } from '@discord-bot/config';
import { startGateway } from '@discord-bot/gateway';
import type { ServiceHost } from '@discord-bot/runtime';
import { startWorker } from '@discord-bot/worker';

/**
 * Starts the four services inside one host: one config, one logger root (each service logs with its
 * `component`), one metrics registry and one HTTP port (readiness checks are named `<service>/<check>`).
 * Later-started services shut down first; the services talk only through the seams later issues add
 * (bus, database), never by calling each other.
 */
export async function startSingleNode(host: ServiceHost, config: SingleNodeConfig): Promise<void> {
  await startWorker(host.context(config, 'worker'));
  await startAudio(host.context(config, 'audio'));
  await startApi(host.context(config, 'api'));
  await startGateway(host.context(config, 'gateway'));
}
