/**
 * Standalone audio node (`npm run start:audio-node`): a Lavalink v4 server for any Lavalink client.
 * Configuration: AUDIO_NODE_HOST, AUDIO_NODE_PORT (2333), AUDIO_NODE_PASSWORD (required),
 * AUDIO_NODE_MUSIC_DIRS, AUDIO_NODE_HTTP_ALLOWLIST, LOG_LEVEL, LOG_FORMAT.
 */
import { loadServiceConfig } from '@discord-bot/config';
import { createLogger } from '@discord-bot/logger';
import { startAudioNode } from './start-audio-node.js';

const config = loadServiceConfig('audio-node');
const logger = createLogger({ service: 'audio-node', level: config.log.level, pretty: config.log.pretty });

const node = await startAudioNode({
  ...config.audioNode,
  logger,
  // The process entry point is the one place that reads the environment outside config: ffmpeg lookup.
  executablePath: process.env.PATH ?? '',
});

let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  node.close().then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    },
  );
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
