import { UserError } from '@discord-bot/errors';
import { renderError, type CommandDispatcher } from '@discord-bot/commands';
import type { Logger } from '@discord-bot/logger';
import { MessageFlags, type Interaction } from 'discord.js';
import type { VoiceChannelLookup } from '../../domain/services/voice-state-store.js';
import { parseComponentId } from '../ui/component-ids.js';
import { discordInvocation } from './discord-invocation.js';

/** Options of {@link routeInteraction}. */
export interface InteractionRouterOptions {
  readonly dispatcher: CommandDispatcher;
  readonly logger: Logger;
  /** Who sits in which voice channel (for the same-voice-channel checks). */
  readonly voiceStates: VoiceChannelLookup;
  /** Called with the time from the interaction's creation to its first acknowledgement, for metrics. */
  readonly onAcknowledged?: (kind: string, ms: number) => void;
}

/**
 * Routes one interaction: slash commands and autocomplete to the dispatcher; buttons are mapped to the
 * command they act as, acknowledged at once, then dispatched the same way (same checks, same errors).
 * Unknown buttons get an ephemeral "does not exist". Never throws.
 */
export async function routeInteraction(
  interaction: Interaction,
  botUserId: string,
  options: InteractionRouterOptions,
): Promise<void> {
  const { dispatcher, logger, voiceStates, onAcknowledged } = options;
  try {
    if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
      await dispatcher.dispatch(
        discordInvocation(interaction, botUserId, voiceStates, undefined, onAcknowledged),
      );
      return;
    }
    if (!interaction.isButton()) return;
    const route = parseComponentId(interaction.customId);
    if (route === undefined) {
      const rendered = renderError(new UserError('NOT_FOUND', { what: 'button' }), interaction.id);
      await interaction.reply({ content: rendered.message.content ?? '', flags: MessageFlags.Ephemeral });
      onAcknowledged?.('component', Date.now() - interaction.createdTimestamp);
      return;
    }
    const invocation = discordInvocation(interaction, botUserId, voiceStates, route, onAcknowledged);
    // The answer depends on the audio service: acknowledge first, whatever the checks decide.
    await invocation.defer();
    await dispatcher.dispatch(invocation);
  } catch (error) {
    // Discord refused an acknowledgement (expired token, already answered): nothing else can be shown.
    logger.warn({ err: error, interactionId: interaction.id }, 'could not answer an interaction');
  }
}
