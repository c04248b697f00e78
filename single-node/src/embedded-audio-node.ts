import { startAudioNode } from '@discord-bot/audio-node';
import type { LavalinkConfig, SingleNodeConfig } from '@discord-bot/config';
import type { ServiceHost } from '@discord-bot/runtime';

/** Node id the audio service sees for the in-process audio node. */
export const EMBEDDED_NODE_ID = 'embedded';

/**
 * Starts the audio node inside the process when no `LAVALINK_NODES` are configured, and returns the nodes
 * the audio service should use: the configured ones, or the embedded one (loopback by default, with the
 * password from config, random unless set). It closes after the audio service at shutdown.
 */
export async function resolveAudioNodes(
  host: ServiceHost,
  config: SingleNodeConfig,
  executablePath: string | undefined,
): Promise<LavalinkConfig> {
  if (config.lavalink.nodes !== undefined) return config.lavalink;
  const node = await startAudioNode({
    ...config.audioNode,
    logger: host.logger,
    registry: host.metrics,
    ...(executablePath === undefined ? {} : { executablePath }),
  });
  host.lifecycle.onShutdown('audio node', () => node.close());
  host.logger.info({ url: node.url }, 'embedded audio node started');
  return { nodes: [{ id: EMBEDDED_NODE_ID, url: node.url, password: node.password }] };
}
