import type { AudioConfig } from '@discord-bot/config';
import type { StartService } from '@discord-bot/runtime';

/** What the audio service needs from its configuration (single-node passes its larger config). */
export type AudioServiceConfig = Pick<AudioConfig, 'lavalink'>;

/**
 * Starts the audio service. Today it only reports which audio nodes it will use; players, queues and the
 * `lavalink` readiness check arrive with the audio service itself.
 */
export const startAudio: StartService<AudioServiceConfig> = async (context) => {
  const { logger, platform } = context;
  const nodes = await platform.audioNodes();
  logger.info(
    { audioNodes: nodes.map((node) => ({ id: node.id, url: new URL(node.url).origin })) },
    'audio service started',
  );
};
