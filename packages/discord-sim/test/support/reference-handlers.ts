import { setTimeout as sleep } from 'node:timers/promises';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type MessageComponentInteraction,
  type ModalSubmitInteraction,
} from 'discord.js';
import { DEFAULT_TONE_SECONDS } from './reference-commands.js';
import {
  ComponentId,
  counterRow,
  feedbackModal,
  flavourMenu,
  noteModal,
  noteRow,
} from './reference-components.js';
import type { TonePlayer } from './tone-player.js';

/** What a deferred answer of the reference bot "works on" before it edits, ms: enough to see it loading. */
const DEFERRED_WORK_MS = 50;
const NOTE_PREFIX = 'note: ';
const EMPTY_NOTE = '(empty)';

export interface HandlerContext {
  /** How long `/late` waits before replying. */
  readonly lateMs: number;
  readonly tones: TonePlayer;
}

function countOf(content: string): number {
  return Number(/\d+/.exec(content)?.[0] ?? 0);
}

/** Answers the reference bot's slash commands, each with the response kind its name says. */
export async function onCommand(
  interaction: ChatInputCommandInteraction,
  context: HandlerContext,
): Promise<void> {
  switch (interaction.commandName) {
    case 'ping':
      await interaction.reply('pong');
      return;
    case 'slow':
      await interaction.deferReply();
      await sleep(DEFERRED_WORK_MS);
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
      await sleep(context.lateMs);
      await interaction.reply('too late');
      return;
    case 'settings': {
      const path = [interaction.options.getSubcommandGroup(false), interaction.options.getSubcommand()];
      const value = interaction.options.getInteger('level') ?? interaction.options.getString('name', true);
      await interaction.reply(`settings ${path.filter((p) => p !== null).join(' ')}: ${value}`);
      return;
    }
    case 'flavours':
      await interaction.reply({ content: 'pick flavours', components: [flavourMenu()] });
      return;
    case 'feedback':
      await interaction.showModal(feedbackModal());
      return;
    case 'note':
      await interaction.reply({ content: NOTE_PREFIX + EMPTY_NOTE, components: [noteRow()] });
      return;
    case 'tone':
      await playTone(interaction, context.tones);
      return;
    default:
      return;
  }
}

/** `/tone hz seconds?`: joins the invoking user's voice channel and plays a sine tone there. */
async function playTone(interaction: ChatInputCommandInteraction, tones: TonePlayer): Promise<void> {
  if (!interaction.inCachedGuild()) return;
  const channelId = interaction.guild.voiceStates.cache.get(interaction.user.id)?.channelId ?? null;
  if (channelId === null) {
    await interaction.reply({ content: 'Join a voice channel first', flags: MessageFlags.Ephemeral });
    return;
  }
  const hz = interaction.options.getInteger('hz', true);
  const seconds = interaction.options.getNumber('seconds') ?? DEFAULT_TONE_SECONDS;
  // Joining voice can take longer than the 3 s an interaction has for its first answer.
  await interaction.deferReply();
  await tones.play(interaction.guild, channelId, hz, seconds);
  await interaction.editReply(`Playing ${hz} Hz in <#${channelId}>`);
}

/** Answers clicks on the reference bot's buttons and select menus. */
export async function onComponent(interaction: MessageComponentInteraction): Promise<void> {
  const { content } = interaction.message;
  switch (interaction.customId) {
    case ComponentId.increment: {
      const count = countOf(content) + 1;
      await interaction.update({ content: `count: ${count}`, components: [counterRow(count)] });
      return;
    }
    case ComponentId.incrementLater: {
      await interaction.deferUpdate();
      await sleep(DEFERRED_WORK_MS);
      const count = countOf(content) + 1;
      await interaction.editReply({ content: `count: ${count}`, components: [counterRow(count)] });
      return;
    }
    case ComponentId.flavours:
      if (!interaction.isStringSelectMenu()) return;
      await interaction.update({ content: `picked: ${interaction.values.join(', ')}`, components: [] });
      return;
    case ComponentId.editNote: {
      const note = content.slice(NOTE_PREFIX.length);
      await interaction.showModal(noteModal(note === EMPTY_NOTE ? '' : note));
      return;
    }
    default:
      return;
  }
}

/** Answers the reference bot's modals: a reply for the command's, an update of the message for the button's. */
export async function onModalSubmit(interaction: ModalSubmitInteraction): Promise<void> {
  switch (interaction.customId) {
    case ComponentId.feedbackModal: {
      const opinion = interaction.fields.getTextInputValue(ComponentId.feedbackOpinion);
      const details = interaction.fields.getTextInputValue(ComponentId.feedbackDetails);
      await interaction.reply(`feedback: ${opinion} / ${details === '' ? '-' : details}`);
      return;
    }
    case ComponentId.noteModal: {
      if (!interaction.isFromMessage()) return;
      const text = interaction.fields.getTextInputValue(ComponentId.noteText);
      await interaction.update({ content: NOTE_PREFIX + text, components: [noteRow()] });
      return;
    }
    default:
      return;
  }
}

/** Two suggestions built from what the user typed. */
export async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
  const typed = interaction.options.getFocused();
  await interaction.respond([1, 2].map((n) => ({ name: `${typed} result ${n}`, value: `${typed}-${n}` })));
}
