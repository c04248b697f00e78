import type { ResumedPlayer } from '../lavalink/audio-backend.js';
import { GuildPlayer } from '../player/guild-player.js';
import type { PlayerEngine } from '../player/player-engine.js';
import type { PlayerStore } from './player-store.js';

/** How often a guild whose lease a previous process still holds is claimed again. */
const CLAIM_RETRY_MS = 250;

async function claimWithin(
  claim: (guildId: string) => Promise<boolean>,
  guildId: string,
  waitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (await claim(guildId)) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, CLAIM_RETRY_MS));
  }
}

/**
 * Takes back the players of resumed node sessions: they kept playing while this service was away, so they
 * are driven again as they are (no voice change, no reload: the sound goes on), with the queue, loop mode and
 * history saved in the database. A track that ended meanwhile advances the queue; a guild that was left, or
 * that another replica drives now (its lease, held by the dead process, was not ours within `claimWaitMs`), is
 * destroyed on the node. Returns the number of players taken back.
 */
export async function adoptResumedPlayers(
  engine: PlayerEngine,
  store: PlayerStore,
  claim: (guildId: string) => Promise<boolean>,
  resumed: readonly ResumedPlayer[],
  claimWaitMs: number,
): Promise<number> {
  const { backend, metrics, logger } = engine.deps;
  let adopted = 0;
  const discard = (node: ResumedPlayer) =>
    backend
      .discardResumed(node)
      .catch((error: unknown) =>
        logger.warn({ err: error, guildId: node.guildId }, 'could not destroy a resumed player'),
      );
  await Promise.all(
    resumed.map(async (node) => {
      const { guildId } = node;
      if (!(await claimWithin(claim, guildId, claimWaitMs).catch(() => false))) {
        await discard(node);
        return;
      }
      await engine.withGuild(guildId, async () => {
        const state = await store.find(guildId);
        if (engine.get(guildId) !== undefined || state?.voiceChannelId == null) {
          await discard(node);
          return;
        }
        const player = GuildPlayer.fromState(state);
        backend.adoptResumed(node, state.voiceChannelId);
        player.voiceReady = true;
        engine.adopt(player);
        adopted += 1;
        metrics.restores.inc({ outcome: 'resumed' });
        const current = player.current;
        if (current !== null && node.track?.encoded === current.track.encoded) {
          player.paused = node.paused;
          player.positionHintMs = node.positionMs;
          engine.persist(player);
        } else if (node.track === null && current !== null) {
          // It ended while no one listened to the node's events.
          await engine.advance(player, 'finished');
        } else if (current !== null) {
          await engine.startCurrent(player, player.positionHintMs);
        } else {
          engine.timers.start(guildId, 'idle');
        }
      });
    }),
  );
  if (resumed.length > 0) logger.info({ resumed: resumed.length, adopted }, 'resumed players taken back');
  return adopted;
}
