import { startApi } from '@discord-bot/api';
import { startAudio } from '@discord-bot/audio';
import type { SingleNodeConfig } from '@discord-bot/config';
import { startGateway } from '@discord-bot/gateway';
import type { ServiceHost } from '@discord-bot/runtime';
import { startWorker } from '@discord-bot/worker';
import { resolveAudioNodes } from './embedded-audio-node.js';

/** Options of {@link startSingleNode}. */
export interface SingleNodeOptions {
  /** `PATH` the embedded audio node searches for `ffmpeg`; none searched when absent. */
  readonly executablePath?: string;
}

/**
 * Starts everything inside one host: the embedded audio node (unless `LAVALINK_NODES` is set), then the
 * four services. One config, one logger root (each service logs with its `component`), one metrics
 * registry and one HTTP port (readiness checks are named `<service>/<check>`). Shutdown runs in reverse:
 * gateway first, the audio node after the audio service. Services talk only through the seams (bus,
 * database), never by calling each other.
 */
export async function startSingleNode(
  host: ServiceHost,
  config: SingleNodeConfig,
  options: SingleNodeOptions = {},
): Promise<void> {
  const lavalink = await resolveAudioNodes(host, config, options.executablePath);
  await startWorker(host.context(config, 'worker'));
  await startAudio(host.context({ ...config, lavalink }, 'audio'));
  await startApi(host.context(config, 'api'));
  await startGateway(host.context(config, 'gateway'));
}
