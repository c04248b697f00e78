import { GuildPlayer } from '../player/guild-player.js';
import type { PlayerEngine } from '../player/player-engine.js';
import type { PlayerStore } from './player-store.js';

/** Guilds restored at once (each sends two gateway payloads and a few node requests). */
const RESTORE_CONCURRENCY = 10;

/**
 * Restores every saved player this replica may own: rejoin its voice channel, then play the current track at
 * the saved position with its queue, loop mode, volume, filters and pause state. A saved player with nothing
 * to play or no channel is forgotten. Returns the number restored.
 */
export async function restorePlayers(
  engine: PlayerEngine,
  store: PlayerStore,
  mayOwn: (guildId: string) => Promise<boolean>,
): Promise<number> {
  const states = await store.all();
  const { metrics, logger } = engine.deps;
  let restored = 0;
  for (let i = 0; i < states.length; i += RESTORE_CONCURRENCY) {
    await Promise.all(
      states.slice(i, i + RESTORE_CONCURRENCY).map(async (state) => {
        if (engine.get(state.guildId) !== undefined || !(await mayOwn(state.guildId))) return;
        if (state.voiceChannelId === null || (state.currentTrack === null && state.queue.length === 0)) {
          await store.delete(state.guildId);
          return;
        }
        await engine.withGuild(state.guildId, async () => {
          const player = GuildPlayer.fromState(state);
          player.restoreStartedAt = performance.now();
          engine.adopt(player);
          try {
            await engine.rejoin(player);
            metrics.restores.inc({ outcome: 'ok' });
            restored += 1;
          } catch (error) {
            metrics.restores.inc({ outcome: 'failed' });
            logger.error({ err: error, guildId: state.guildId }, 'could not restore a player');
          }
        });
      }),
    );
  }
  if (states.length > 0) logger.info({ saved: states.length, restored }, 'players restored');
  return restored;
}
