import { UserError } from '@discord-bot/errors';
import type { CommandContext } from '@discord-bot/commands';
import {
  toUserError,
  type CommandPayloadInput,
  type CommandResult,
  type CommandType,
} from '@discord-bot/messaging';
import type { PlayerServices } from './player-services.js';

/**
 * Sends `type` to the audio service for the invoking guild and returns its result. A refusal becomes the
 * user error it names (a timeout or expiry becomes "the player is not responding"), which the dispatcher
 * renders as one ephemeral message.
 *
 * @example
 * const { volume } = await requestPlayer(context, services, 'volume', { volume: 50 });
 */
export async function requestPlayer<T extends CommandType>(
  context: CommandContext,
  services: PlayerServices,
  type: T,
  payload: CommandPayloadInput<T>,
  timeoutMs = services.requestTimeoutMs,
): Promise<CommandResult<T>> {
  const { guildId } = context;
  if (guildId === null) throw new UserError('FORBIDDEN');
  const outcome = await services.bus.request(type, payload, {
    guildId,
    correlationId: context.correlationId,
    timeoutMs,
  });
  if (!outcome.ok) throw toUserError(outcome.error);
  return outcome.value;
}
