import type {
  AutocompleteChoice,
  CommandInvocation,
  InvokingMember,
  ReplyMessage,
} from '@discord-bot/commands';
import {
  MessageFlags,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
} from 'discord.js';
import type { ComponentRoute } from '../ui/component-ids.js';

type Supported = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

function member(interaction: Supported): InvokingMember | null {
  const raw = interaction.member;
  if (raw === null) return null;
  const roleIds = Array.isArray(raw.roles) ? raw.roles : [...raw.roles.cache.keys()];
  return { roleIds, permissions: interaction.memberPermissions?.bitfield ?? 0n };
}

function displayName(interaction: Supported): string {
  const raw = interaction.member;
  const nick = raw === null ? null : 'displayName' in raw ? raw.displayName : raw.nick;
  return nick ?? interaction.user.displayName;
}

function flatten(options: readonly CommandInteractionOption[]): Record<string, string | number | boolean> {
  const values: Record<string, string | number | boolean> = {};
  for (const option of options) {
    if (option.options !== undefined) Object.assign(values, flatten(option.options));
    else if (option.value !== undefined && option.value !== null) values[option.name] = option.value;
  }
  return values;
}

function body(message: ReplyMessage): InteractionEditReplyOptions {
  // The pipeline builds embeds and components as Discord's JSON; discord.js sends JSON as is.
  return {
    content: message.content ?? '',
    embeds: (message.embeds ?? []) as NonNullable<InteractionEditReplyOptions['embeds']>,
    components: (message.components ?? []) as NonNullable<InteractionEditReplyOptions['components']>,
  };
}

function replyBody(message: ReplyMessage): InteractionReplyOptions {
  const flags = message.ephemeral === true ? MessageFlags.Ephemeral : undefined;
  return { ...(body(message) as InteractionReplyOptions), ...(flags === undefined ? {} : { flags }) };
}

/**
 * Adapts a discord.js interaction to the pipeline's {@link CommandInvocation}. A button carries the command it
 * acts as (`route`); it is acknowledged before the pipeline runs, so its answers are edits (`update`: the
 * message it sits on; `ephemeral`: a private reply, where a follow-up becomes that reply's edit).
 */
export function discordInvocation(
  interaction: Supported,
  botUserId: string,
  route?: ComponentRoute,
  onAcknowledged: () => void = () => undefined,
): CommandInvocation {
  let acknowledged = false;
  const first = async (answer: Promise<unknown>): Promise<void> => {
    await answer;
    if (!acknowledged) {
      acknowledged = true;
      onAcknowledged();
    }
  };
  const guild = interaction.guild;
  const voiceStates = guild?.voiceStates.cache;
  const base = {
    id: interaction.id,
    userId: interaction.user.id,
    userDisplayName: displayName(interaction),
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    member: member(interaction),
    voice: {
      userChannelId: voiceStates?.get(interaction.user.id)?.channelId ?? null,
      botChannelId: voiceStates?.get(botUserId)?.channelId ?? null,
    },
    locale: interaction.locale,
    createdAt: interaction.createdTimestamp,
  };
  if (interaction.isButton()) {
    const ephemeralAck = route?.ack === 'ephemeral';
    return {
      ...base,
      kind: 'component',
      commandName: route?.commandName ?? '',
      rawOptions: route?.rawOptions ?? {},
      get responded() {
        return interaction.replied || interaction.deferred;
      },
      get deferred() {
        return interaction.deferred;
      },
      reply: (message) => first(interaction.reply(replyBody(message))),
      defer: () =>
        first(
          ephemeralAck
            ? interaction.deferReply({ flags: MessageFlags.Ephemeral })
            : interaction.deferUpdate(),
        ),
      editReply: async (message) => void (await interaction.editReply(body(message))),
      followUp: async (message) =>
        void (await (ephemeralAck
          ? interaction.editReply(body(message))
          : interaction.followUp(replyBody(message)))),
      respondChoices: () => Promise.resolve(),
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      ...base,
      kind: 'autocomplete',
      commandName: interaction.commandName,
      rawOptions: flatten(interaction.options.data),
      focusedOption: focused.name,
      get responded() {
        return interaction.responded;
      },
      deferred: false,
      reply: () => Promise.resolve(),
      defer: () => Promise.resolve(),
      editReply: () => Promise.resolve(),
      followUp: () => Promise.resolve(),
      respondChoices: (choices: readonly AutocompleteChoice[]) => first(interaction.respond([...choices])),
    };
  }
  // A refusal after a public defer goes out as an ephemeral follow-up; the "thinking" placeholder it would
  // leave behind is deleted so only the invoking user sees anything.
  let originalShown = false;
  return {
    ...base,
    kind: 'command',
    commandName: interaction.commandName,
    rawOptions: flatten(interaction.options.data),
    get responded() {
      return interaction.replied || interaction.deferred;
    },
    get deferred() {
      return interaction.deferred;
    },
    reply: (message) => first(interaction.reply(replyBody(message))),
    defer: (options) =>
      first(interaction.deferReply(options?.ephemeral === true ? { flags: MessageFlags.Ephemeral } : {})),
    editReply: async (message) => {
      originalShown = true;
      await interaction.editReply(body(message));
    },
    followUp: async (message) => {
      await interaction.followUp(replyBody(message));
      if (interaction.deferred && !originalShown && message.ephemeral === true) {
        originalShown = true;
        await interaction.deleteReply();
      }
    },
    respondChoices: () => Promise.resolve(),
  };
}
