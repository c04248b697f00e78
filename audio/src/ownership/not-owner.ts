import { err } from '@discord-bot/errors';
import { commandError, type AnyCommandOutcome, type CommandError } from '@discord-bot/messaging';

/** Marks the refusal of a replica's inbox to run a command of a guild it does not own. */
const NOT_OWNER_REASON = 'not-owner';

/**
 * The answer of an inbox to a command of a guild another replica owns: never shown to a user, the forwarding
 * replica looks for the owner again.
 */
export function notOwner(): { readonly ok: false; readonly error: CommandError } {
  return err(commandError('internal', 'this replica does not own the guild', { reason: NOT_OWNER_REASON }));
}

/** True for the answer {@link notOwner} gives. */
export function isNotOwner(outcome: AnyCommandOutcome): boolean {
  return !outcome.ok && outcome.error.context?.['reason'] === NOT_OWNER_REASON;
}
