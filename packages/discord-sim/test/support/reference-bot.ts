import { Client, Events, GatewayIntentBits, type Interaction } from 'discord.js';
import { GLOBAL_COMMANDS, REFERENCE_COMMANDS } from './reference-commands.js';
import { onAutocomplete, onCommand, onComponent, onModalSubmit } from './reference-handlers.js';
import { TonePlayer } from './tone-player.js';

/**
 * A real discord.js 14 bot (with @discordjs/voice) used as the simulator's reference client: it registers
 * its commands in every guild at start and answers them; handler errors are collected, not thrown.
 */
export interface ReferenceBot {
  readonly client: Client;
  readonly errors: unknown[];
  /** Leaves voice, then destroys the client (in that order, or the test runner hangs). */
  stop(): Promise<void>;
}

export interface ReferenceBotOptions {
  readonly token?: string;
  /** How long `/late` waits before replying, ms. */
  readonly lateMs?: number;
  readonly intents?: GatewayIntentBits[];
}

export async function startReferenceBot(
  restBase: string,
  options: ReferenceBotOptions = {},
): Promise<ReferenceBot> {
  const client = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: restBase },
  });
  const errors: unknown[] = [];
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token ?? 'reference-bot-token');
  await ready;
  const tones = new TonePlayer(client.user?.id ?? 'reference-bot');
  const context = { lateMs: options.lateMs ?? 0, tones };
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handle = async () => {
      if (interaction.isChatInputCommand()) await onCommand(interaction, context);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isMessageComponent()) await onComponent(interaction);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction);
    };
    handle().catch((error: unknown) => errors.push(error));
  });
  await client.application?.commands.set(GLOBAL_COMMANDS);
  for (const guild of client.guilds.cache.values()) await guild.commands.set(REFERENCE_COMMANDS);
  return {
    client,
    errors,
    async stop() {
      tones.stop();
      await client.destroy();
    },
  };
}
