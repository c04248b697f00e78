import type { BackendEvent } from '../lavalink/backend-events.js';
import type { PlayerEngine } from './player-engine.js';

/**
 * When an audio node goes away, its players move to the least loaded other node and play on from where they
 * were, with their volume, filters and pause state. When the last node goes away, players wait (however long
 * it takes: the backend never stops reconnecting, and nothing is forgotten or deleted meanwhile) and each
 * guild's text channel is told once; when a node is back, they are put back on it at the position they had.
 */
export function watchNodes(engine: PlayerEngine, event: BackendEvent): void {
  const { backend, outbox, logger } = engine.deps;
  if (event.type === 'nodeDown' && backend.available()) {
    for (const player of engine.all()) {
      if (backend.nodeOf(player.guildId) !== event.nodeId) continue;
      void engine
        .withGuild(player.guildId, async () => {
          if (engine.get(player.guildId) !== player || backend.nodeOf(player.guildId) !== event.nodeId)
            return;
          const positionMs = engine.position(player);
          if (!(await backend.moveToAnotherNode(player.guildId))) {
            logger.warn({ guildId: player.guildId, node: event.nodeId }, 'no node could take the player');
            return;
          }
          logger.info(
            { guildId: player.guildId, from: event.nodeId, to: backend.nodeOf(player.guildId), positionMs },
            'player moved to another audio node',
          );
          if (player.current !== null) await engine.startCurrent(player, positionMs);
        })
        .catch((error: unknown) =>
          logger.error({ err: error, guildId: player.guildId }, 'could not move a player to another node'),
        );
    }
    return;
  }
  if (event.type === 'nodeDown' && !backend.available()) {
    for (const player of engine.all()) {
      if (player.waitingForNode) continue;
      void engine.withGuild(player.guildId, () => {
        if (engine.get(player.guildId) !== player || player.waitingForNode) return Promise.resolve();
        // The position holds from here (see PlayerEngine.position): nothing plays until a node is back.
        player.positionHintMs = engine.position(player);
        player.waitingForNode = true;
        player.voiceReady = false;
        // An idle player waits too (the node lost its voice connection), but has nothing to announce.
        if (player.current !== null) {
          outbox.notice(
            player.guildId,
            player.textChannelId,
            'AUDIO_NODE_LOST',
            'Lost the connection to the audio server; playback resumes as soon as it is back.',
          );
        }
        return Promise.resolve();
      });
    }
  }
  if (event.type === 'nodeUp') {
    for (const player of engine.all()) {
      if (!player.waitingForNode) continue;
      void engine
        .withGuild(player.guildId, async () => {
          if (engine.get(player.guildId) !== player || !player.waitingForNode) return;
          player.waitingForNode = false;
          await engine.rejoin(player);
        })
        .catch((error: unknown) =>
          logger.error({ err: error, guildId: player.guildId }, 'could not resume a player on the node'),
        );
    }
  }
}
