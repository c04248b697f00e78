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
import type { VoiceChannelLookup } from '../../domain/services/voice-state-store.js';
import type { ComponentRoute } from '../ui/component-ids.js';

type Supported = ChatInputCommandInteraction | AutocompleteInteraction | ButtonInteraction;

/** Told once, at an invocation's first acknowledgement: its kind and the time since Discord created it. */
export type OnAcknowledged = (kind: CommandInvocation['kind'], ms: number) => void;

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
 * What every kind shares. Classes rather than object literals of closures: an interaction's way to its
 * defer then builds one object, not a dozen functions (under tsx each also gets its `name` defined), and
 * that way is what Discord's 3 s and the acknowledgement benchmark measure.
 */
abstract class DiscordInvocation<I extends Supported> {
  public abstract readonly kind: CommandInvocation['kind'];
  public readonly id: string;
  public readonly userId: string;
  public readonly userDisplayName: string;
  public readonly guildId: string | null;
  public readonly channelId: string | null;
  public readonly member: InvokingMember | null;
  public readonly voice: { readonly userChannelId: string | null; readonly botChannelId: string | null };
  public readonly locale: string;
  public readonly createdAt: number;
  protected readonly interaction: I;
  #onAcknowledged: OnAcknowledged | undefined;

  protected constructor(
    interaction: I,
    botUserId: string,
    voiceStates: VoiceChannelLookup,
    onAcknowledged: OnAcknowledged | undefined,
  ) {
    const guildId = interaction.guildId;
    this.interaction = interaction;
    this.#onAcknowledged = onAcknowledged;
    this.id = interaction.id;
    this.userId = interaction.user.id;
    this.userDisplayName = displayName(interaction);
    this.guildId = guildId;
    this.channelId = interaction.channelId;
    this.member = member(interaction);
    this.voice = {
      userChannelId: guildId === null ? null : voiceStates.channelOf(guildId, interaction.user.id),
      botChannelId: guildId === null ? null : voiceStates.channelOf(guildId, botUserId),
    };
    this.locale = interaction.locale;
    this.createdAt = interaction.createdTimestamp;
  }

  /** Awaits a first answer and reports it, once. */
  protected async first(answer: Promise<unknown>): Promise<void> {
    await answer;
    const report = this.#onAcknowledged;
    this.#onAcknowledged = undefined;
    report?.(this.kind, Date.now() - this.createdAt);
  }
}

/**
 * A slash command. A refusal after a public defer goes out as an ephemeral follow-up; the "thinking"
 * placeholder it would leave behind is deleted so only the invoking user sees anything.
 */
class SlashCommandInvocation
  extends DiscordInvocation<ChatInputCommandInteraction>
  implements CommandInvocation
{
  public readonly kind = 'command' as const;
  public readonly commandName: string;
  public readonly rawOptions: Readonly<Record<string, string | number | boolean>>;
  #originalShown = false;

  public constructor(
    interaction: ChatInputCommandInteraction,
    botUserId: string,
    voiceStates: VoiceChannelLookup,
    onAcknowledged: OnAcknowledged | undefined,
  ) {
    super(interaction, botUserId, voiceStates, onAcknowledged);
    this.commandName = interaction.commandName;
    this.rawOptions = flatten(interaction.options.data);
  }

  public get responded(): boolean {
    return this.interaction.replied || this.interaction.deferred;
  }

  public get deferred(): boolean {
    return this.interaction.deferred;
  }

  public reply(message: ReplyMessage): Promise<void> {
    return this.first(this.interaction.reply(replyBody(message)));
  }

  public defer(options?: { readonly ephemeral?: boolean }): Promise<void> {
    return this.first(
      this.interaction.deferReply(options?.ephemeral === true ? { flags: MessageFlags.Ephemeral } : {}),
    );
  }

  public async editReply(message: ReplyMessage): Promise<void> {
    this.#originalShown = true;
    await this.interaction.editReply(body(message));
  }

  public async followUp(message: ReplyMessage): Promise<void> {
    await this.interaction.followUp(replyBody(message));
    if (this.interaction.deferred && !this.#originalShown && message.ephemeral === true) {
      this.#originalShown = true;
      await this.interaction.deleteReply();
    }
  }

  public respondChoices(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * A button acting as the command its `route` names. It is acknowledged before the pipeline runs, so its
 * answers are edits (`update`: the message it sits on; `ephemeral`: a private reply, where a follow-up
 * becomes that reply's edit).
 */
class ButtonInvocation extends DiscordInvocation<ButtonInteraction> implements CommandInvocation {
  public readonly kind = 'component' as const;
  public readonly commandName: string;
  public readonly rawOptions: Readonly<Record<string, string | number | boolean>>;
  readonly #ephemeralAck: boolean;

  public constructor(
    interaction: ButtonInteraction,
    botUserId: string,
    voiceStates: VoiceChannelLookup,
    route: ComponentRoute | undefined,
    onAcknowledged: OnAcknowledged | undefined,
  ) {
    super(interaction, botUserId, voiceStates, onAcknowledged);
    this.commandName = route?.commandName ?? '';
    this.rawOptions = route?.rawOptions ?? {};
    this.#ephemeralAck = route?.ack === 'ephemeral';
  }

  public get responded(): boolean {
    return this.interaction.replied || this.interaction.deferred;
  }

  public get deferred(): boolean {
    return this.interaction.deferred;
  }

  public reply(message: ReplyMessage): Promise<void> {
    return this.first(this.interaction.reply(replyBody(message)));
  }

  public defer(): Promise<void> {
    return this.first(
      this.#ephemeralAck
        ? this.interaction.deferReply({ flags: MessageFlags.Ephemeral })
        : this.interaction.deferUpdate(),
    );
  }

  public async editReply(message: ReplyMessage): Promise<void> {
    await this.interaction.editReply(body(message));
  }

  public async followUp(message: ReplyMessage): Promise<void> {
    await (this.#ephemeralAck
      ? this.interaction.editReply(body(message))
      : this.interaction.followUp(replyBody(message)));
  }

  public respondChoices(): Promise<void> {
    return Promise.resolve();
  }
}

/** An autocomplete request: its only answer is the list of choices. */
class AutocompleteInvocation extends DiscordInvocation<AutocompleteInteraction> implements CommandInvocation {
  public readonly kind = 'autocomplete' as const;
  public readonly commandName: string;
  public readonly rawOptions: Readonly<Record<string, string | number | boolean>>;
  public readonly focusedOption: string;
  public readonly deferred = false;

  public constructor(
    interaction: AutocompleteInteraction,
    botUserId: string,
    voiceStates: VoiceChannelLookup,
    onAcknowledged: OnAcknowledged | undefined,
  ) {
    super(interaction, botUserId, voiceStates, onAcknowledged);
    this.commandName = interaction.commandName;
    this.rawOptions = flatten(interaction.options.data);
    this.focusedOption = interaction.options.getFocused(true).name;
  }

  public get responded(): boolean {
    return this.interaction.responded;
  }

  public reply(): Promise<void> {
    return Promise.resolve();
  }

  public defer(): Promise<void> {
    return Promise.resolve();
  }

  public editReply(): Promise<void> {
    return Promise.resolve();
  }

  public followUp(): Promise<void> {
    return Promise.resolve();
  }

  public respondChoices(choices: readonly AutocompleteChoice[]): Promise<void> {
    return this.first(this.interaction.respond([...choices]));
  }
}

/**
 * Adapts a discord.js interaction to the pipeline's {@link CommandInvocation}: a slash command, an
 * autocomplete request, or a button acting as the command its `route` names. Who sits in which voice
 * channel comes from `voiceStates` (discord.js does not cache guilds for the gateway).
 */
export function discordInvocation(
  interaction: Supported,
  botUserId: string,
  voiceStates: VoiceChannelLookup,
  route?: ComponentRoute,
  onAcknowledged?: OnAcknowledged,
): CommandInvocation {
  if (interaction.isButton()) {
    return new ButtonInvocation(interaction, botUserId, voiceStates, route, onAcknowledged);
  }
  if (interaction.isAutocomplete()) {
    return new AutocompleteInvocation(interaction, botUserId, voiceStates, onAcknowledged);
  }
  return new SlashCommandInvocation(interaction, botUserId, voiceStates, onAcknowledged);
}
