import type { BackendEvent } from '../lavalink/backend-events.js';
import type { PlayerEngine } from './player-engine.js';

/**
 * Applies what the audio nodes report to the players: a start is announced, a natural end advances the
 * queue, an exception or a stuck track counts as a failure. Ends caused by our own commands (`replaced`,
 * `stopped`) and events about tracks no longer current are ignored.
 */
export function handleBackendEvent(engine: PlayerEngine, event: BackendEvent): void {
  if (event.type === 'nodeUp' || event.type === 'nodeDown') return;
  const { guildId } = event;
  void engine
    .withGuild(guildId, async () => {
      const player = engine.get(guildId);
      const current = player?.current;
      if (player === undefined || current === null || current === undefined) return;
      if ('encoded' in event && event.encoded !== '' && event.encoded !== current.track.encoded) return;
      const { ui, metrics } = engine.deps;
      switch (event.type) {
        case 'trackStart':
          player.lastException = undefined;
          ui.trackStart(player, current);
          metrics.tracksStarted.inc();
          engine.persist(player);
          return;
        case 'trackException':
          player.lastException = event.message;
          return;
        case 'trackStuck':
          await engine.trackFailed(player, 'the track got stuck and could not continue');
          return;
        case 'trackEnd':
          if (event.reason === 'replaced' || event.reason === 'stopped') return;
          if (event.reason === 'loadFailed' || player.lastException !== undefined) {
            const message = player.lastException ?? 'the track could not be loaded';
            player.lastException = undefined;
            await engine.trackFailed(player, message);
            return;
          }
          player.failures = 0;
          await engine.advance(player, 'finished');
          return;
        case 'socketClosed':
          engine.deps.logger.info(
            { guildId, code: event.code, byRemote: event.byRemote },
            'voice connection closed on the node',
          );
          return;
      }
    })
    .catch((error: unknown) => engine.deps.logger.error({ err: error, guildId }, 'node event failed'));
}
