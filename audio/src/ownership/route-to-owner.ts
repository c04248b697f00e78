import { err } from '@discord-bot/errors';
import { userCommandError, type CommandHandler } from '@discord-bot/messaging';
import type { PlayerStore } from '../persistence/player-store.js';
import { restorePlayer } from '../persistence/restore-players.js';
import type { PlayerEngine } from '../player/player-engine.js';
import type { CommandForwarder } from './command-forwarder.js';
import type { GuildOwnership } from './guild-ownership.js';

/** How long one forwarded attempt waits before the owner is presumed dead and ownership looked at again. */
const FORWARD_ATTEMPT_MS = 1_500;

/**
 * Runs a command where its guild is driven: here when this replica has the player or can claim the guild
 * (restoring its saved player first, so a claim never loses a queue), else on the owning replica through
 * `forwarder`. An owner that does not answer is retried until its lease expires and the guild can be claimed
 * here, or until the command's deadline.
 */
export function routeToOwner(
  handler: CommandHandler,
  engine: PlayerEngine,
  store: PlayerStore,
  ownership: GuildOwnership,
  forwarder: CommandForwarder,
): CommandHandler {
  return async (command, context) => {
    const { guildId } = command;
    while (engine.get(guildId) === undefined) {
      if (await ownership.claim(guildId)) {
        const saved = await store.find(guildId);
        if (saved !== undefined) await engine.withGuild(guildId, () => restorePlayer(engine, store, saved));
        break;
      }
      const owner = await ownership.owner(guildId);
      if (owner === null || owner === ownership.replicaId) continue;
      const remaining = command.deadlineAt - Date.now();
      if (remaining <= 0) return err(userCommandError('PLAYER_UNAVAILABLE'));
      const outcome = await forwarder.forward(owner, command, Math.min(remaining, FORWARD_ATTEMPT_MS));
      if (outcome !== undefined) return outcome;
    }
    return handler(command, context);
  };
}
