import type { BackendEvent } from '../lavalink/backend-events.js';
import type { PlayerEngine } from './player-engine.js';

/**
 * When the last audio node goes away, players wait and each guild's text channel is told once; when a node
 * is back, they are put back on it at the position they had. (With another node left, lavalink-client moves
 * the players there itself.)
 */
export function watchNodes(engine: PlayerEngine, event: BackendEvent): void {
  const { backend, outbox, logger } = engine.deps;
  if (event.type === 'nodeDown' && !backend.available()) {
    for (const player of engine.all()) {
      if (player.current === null || player.waitingForNode) continue;
      void engine.withGuild(player.guildId, () => {
        player.positionHintMs = engine.position(player);
        player.waitingForNode = true;
        player.voiceReady = false;
        outbox.notice(
          player.guildId,
          player.textChannelId,
          'AUDIO_NODE_LOST',
          'Lost the connection to the audio server; playback resumes as soon as it is back.',
        );
        return Promise.resolve();
      });
    }
  }
  if (event.type === 'nodeUp') {
    for (const player of engine.all()) {
      if (!player.waitingForNode) continue;
      void engine
        .withGuild(player.guildId, async () => {
          player.waitingForNode = false;
          await engine.rejoin(player);
        })
        .catch((error: unknown) =>
          logger.error({ err: error, guildId: player.guildId }, 'could not resume a player on the node'),
        );
    }
  }
}
