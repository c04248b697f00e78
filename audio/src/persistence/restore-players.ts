import type { PlayerState } from '@discord-bot/database';
import { GuildPlayer } from '../player/guild-player.js';
import type { PlayerEngine } from '../player/player-engine.js';
import type { PlayerStore } from './player-store.js';

/** Guilds restored at once (each sends two gateway payloads and a few node requests). */
const RESTORE_CONCURRENCY = 10;

/**
 * Puts one saved player back (run under the guild's mutex, after claiming the guild): rejoin its voice channel
 * and play its current track at the saved position. A saved player with nothing to play is forgotten.
 * Returns true when a player was restored.
 */
export async function restorePlayer(
  engine: PlayerEngine,
  store: PlayerStore,
  state: PlayerState,
): Promise<boolean> {
  if (engine.get(state.guildId) !== undefined) return false;
  if (state.voiceChannelId === null || (state.currentTrack === null && state.queue.length === 0)) {
    await store.delete(state.guildId);
    return false;
  }
  const { metrics, logger } = engine.deps;
  const player = GuildPlayer.fromState(state);
  player.restoreStartedAt = performance.now();
  engine.adopt(player);
  try {
    await engine.rejoin(player);
    metrics.restores.inc({ outcome: 'ok' });
    return true;
  } catch (error) {
    metrics.restores.inc({ outcome: 'failed' });
    logger.error({ err: error, guildId: state.guildId }, 'could not restore a player');
    return false;
  }
}

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
  const { logger } = engine.deps;
  let restored = 0;
  for (let i = 0; i < states.length; i += RESTORE_CONCURRENCY) {
    await Promise.all(
      states.slice(i, i + RESTORE_CONCURRENCY).map(async (state) => {
        if (engine.get(state.guildId) !== undefined || !(await mayOwn(state.guildId))) return;
        if (await engine.withGuild(state.guildId, () => restorePlayer(engine, store, state))) restored += 1;
      }),
    );
  }
  if (restored > 0) logger.info({ saved: states.length, restored }, 'players restored');
  return restored;
}
