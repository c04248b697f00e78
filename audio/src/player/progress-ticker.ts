import type { PlayerEngine } from './player-engine.js';

/**
 * Every few seconds, for each playing player: a `player.progress` event for the UI and the position written
 * through to the database (so a crash loses at most one interval). A player waiting for a node is not playing.
 */
export function startProgressTicker(engine: PlayerEngine, intervalMs: number): () => void {
  const timer = setInterval(() => {
    for (const player of engine.all()) {
      const current = player.current;
      if (current === null || player.paused || player.pendingStart || player.waitingForNode) continue;
      const positionMs = engine.position(player);
      engine.deps.ui.progress(player.guildId, positionMs, current.track.info.length, false);
      engine.persist(player);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
