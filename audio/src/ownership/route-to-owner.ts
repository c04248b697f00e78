import { err } from '@discord-bot/errors';
import {
  commandError,
  UNORDERED_COMMANDS,
  userCommandError,
  type CommandHandler,
} from '@discord-bot/messaging';
import type { CommandForwarder } from './command-forwarder.js';
import type { GuildOwnership } from './guild-ownership.js';
import { isNotOwner, notOwner } from './not-owner.js';

/** Pause before looking at a guild's lease again when it was held a moment ago and is free now. */
const LEASE_RECHECK_MS = 50;

/** What routing a command to its guild's owner works with. */
export interface OwnerRouting {
  /** The command boundary: runs a command here. */
  readonly handler: CommandHandler;
  /** True when this replica drives the guild (has its player). */
  readonly drives: (guildId: string) => boolean;
  /** Puts back the saved player of a guild this replica just claimed, before its command runs. */
  readonly restore: (guildId: string) => Promise<void>;
  readonly ownership: GuildOwnership;
  readonly forwarder: CommandForwarder;
}

/**
 * Consumes the shared command stream when several replicas run. A read-only unordered command (search) runs
 * on whichever replica read it; every other command runs in its guild owner's inbox, this replica's own
 * included (claiming the guild and restoring its saved player when no one owns it), so a command runs at most
 * once per id on the owner, however it got there: read from the stream, forwarded, forwarded again, or
 * redelivered after a reader died.
 *
 * Order: a replica runs the commands of one guild it read one at a time, each waiting for its answer, and an
 * owner's inbox runs them in arrival order, so the commands one replica read keep their order. Two commands of
 * one guild read by different replicas (the stream hands entries to any reader) reach the owner in the order
 * they arrive there, which is arrival order for a sender that waits for each answer before sending the next
 * (the gateway does, per interaction) but not for commands sent at the same moment.
 *
 * An owner that dies before receiving a forwarded command gives it back (withdrawn from its inbox): it runs
 * on the next owner once the dead one's lease expires. One that dies after receiving it may have run it: the
 * command is answered PLAYER_UNAVAILABLE (try again) instead of being run a second time elsewhere.
 */
export function routeToOwner(routing: OwnerRouting): CommandHandler {
  const { handler, ownership, forwarder } = routing;
  return async (command, context) => {
    if (UNORDERED_COMMANDS.has(command.type)) return handler(command, context);
    for (let attempt = 0; ; attempt += 1) {
      // Only ownership changing under the command brings it back here; past its deadline it is not started.
      if (attempt > 0 && Date.now() > command.deadlineAt) {
        return err(commandError('expired', `"${command.type}" found no owner before its deadline`));
      }
      const owner = (await holdGuild(routing, command.guildId))
        ? ownership.replicaId
        : await ownership.owner(command.guildId);
      // No owner (its lease expired since the claim) or a dead one (its lease is about to): claim it again.
      if (owner === null || (owner !== ownership.replicaId && !(await forwarder.alive(owner)))) {
        await new Promise((resolve) => setTimeout(resolve, LEASE_RECHECK_MS));
        continue;
      }
      const result = await forwarder.forward(owner, command);
      // The owner died before taking it: it ran nowhere, so it goes to whoever owns the guild next.
      if (result.kind === 'withdrawn') continue;
      if (result.kind === 'lost') return err(userCommandError('PLAYER_UNAVAILABLE'));
      // That replica gave the guild up before the command's turn (and did not run it): find the owner again.
      if (isNotOwner(result.outcome)) continue;
      return result.outcome;
    }
  };
}

/**
 * Consumes this replica's inbox: runs a command of a guild it drives, or can claim (restoring its saved
 * player first, so a claim never loses a queue). A guild another replica took meanwhile is refused as not
 * owned, never forwarded on from here, so inboxes never wait on each other.
 */
export function runAsOwner(routing: OwnerRouting): CommandHandler {
  return async (command, context) => {
    if (!(await holdGuild(routing, command.guildId))) return notOwner();
    return routing.handler(command, context);
  };
}

async function holdGuild(routing: OwnerRouting, guildId: string): Promise<boolean> {
  if (routing.drives(guildId)) return true;
  if (!(await routing.ownership.claim(guildId))) return false;
  await routing.restore(guildId);
  return true;
}
