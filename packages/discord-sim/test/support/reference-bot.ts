import { setTimeout as sleep } from 'node:timers/promises';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type Interaction,
} from 'discord.js';

/** Slash commands of the reference bot, as discord.js builds them. */
export const REFERENCE_COMMANDS = [
  new SlashCommandBuilder().setName('ping').setDescription('Replies pong'),
  new SlashCommandBuilder().setName('slow').setDescription('Defers, then edits the reply'),
  new SlashCommandBuilder().setName('multi').setDescription('Replies, then follows up twice'),
  new SlashCommandBuilder().setName('counter').setDescription('A message with a button'),
  new SlashCommandBuilder().setName('ignore').setDescription('Never answers'),
  new SlashCommandBuilder().setName('late').setDescription('Answers after the deadline'),
  new SlashCommandBuilder()
    .setName('echo')
    .setDescription('Repeats text')
    .addStringOption((o) => o.setName('text').setDescription('What to repeat').setRequired(true))
    .addIntegerOption((o) => o.setName('times').setDescription('How often')),
  new SlashCommandBuilder()
    .setName('play')
    .setDescription('Search a track')
    .addStringOption((o) =>
      o.setName('query').setDescription('Search').setRequired(true).setAutocomplete(true),
    ),
].map((b) => b.toJSON());

export const GLOBAL_COMMANDS = [
  new SlashCommandBuilder().setName('help').setDescription('Global help').toJSON(),
];

function counterRow(count: number) {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId('inc').setLabel(`+1 (${count})`).setStyle(ButtonStyle.Primary),
  );
}

async function onCommand(interaction: ChatInputCommandInteraction, lateMs: number): Promise<void> {
  switch (interaction.commandName) {
    case 'ping':
      await interaction.reply('pong');
      return;
    case 'slow':
      await interaction.deferReply();
      await sleep(50);
      await interaction.editReply('done slowly');
      return;
    case 'multi':
      await interaction.reply({ content: 'first', withResponse: true });
      await interaction.followUp({ content: 'second (only you)', flags: MessageFlags.Ephemeral });
      await interaction.followUp('third');
      return;
    case 'counter':
      await interaction.reply({ content: 'count: 0', components: [counterRow(0)] });
      return;
    case 'echo': {
      const text = interaction.options.getString('text', true);
      const times = interaction.options.getInteger('times') ?? 1;
      await interaction.reply(Array.from({ length: times }, () => text).join(' '));
      return;
    }
    case 'late':
      await sleep(lateMs);
      await interaction.reply('too late');
      return;
    default:
      return;
  }
}

/** A discord.js bot used as the simulator's reference client; handler errors are collected, not thrown. */
export interface ReferenceBot {
  readonly client: Client;
  readonly errors: unknown[];
  stop(): Promise<void>;
}

export async function startReferenceBot(
  restBase: string,
  options: { token?: string; lateMs?: number; intents?: GatewayIntentBits[] } = {},
): Promise<ReferenceBot> {
  const client = new Client({
    intents: options.intents ?? [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates],
    rest: { api: restBase },
  });
  const errors: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const handle = async () => {
      if (interaction.isChatInputCommand()) await onCommand(interaction, options.lateMs ?? 0);
      else if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond(
          [1, 2].map((n) => ({ name: `${typed} result ${n}`, value: `${typed}-${n}` })),
        );
      } else if (interaction.isButton() && interaction.customId === 'inc') {
        const count = Number(/\d+/.exec(interaction.message.content)?.[0] ?? 0) + 1;
        await interaction.update({ content: `count: ${count}`, components: [counterRow(count)] });
      }
    };
    handle().catch((error: unknown) => errors.push(error));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(options.token ?? 'reference-bot-token');
  await ready;
  await client.application?.commands.set(GLOBAL_COMMANDS);
  for (const guild of client.guilds.cache.values()) await guild.commands.set(REFERENCE_COMMANDS);
  return {
    client,
    errors,
    async stop() {
      await client.destroy();
    },
  };
}
