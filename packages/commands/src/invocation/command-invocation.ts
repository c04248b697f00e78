/** A message as the pipeline sends it; the gateway turns it into Discord's payload. */
export interface ReplyMessage {
  readonly content?: string;
  readonly embeds?: readonly unknown[];
  readonly components?: readonly unknown[];
  /** Only the invoking user sees it. Ignored when editing a deferred reply (Discord fixes it at defer time). */
  readonly ephemeral?: boolean;
}

/** A choice returned to an autocomplete request. */
export interface AutocompleteChoice {
  readonly name: string;
  readonly value: string | number;
}

/** The member who invoked, as far as permission checks need. */
export interface InvokingMember {
  readonly roleIds: readonly string[];
  /** Resolved permissions in the channel, Discord's bit field. */
  readonly permissions: bigint;
}

/**
 * One slash command, button click or autocomplete request, independent of discord.js so the pipeline can be
 * tested and reused (the gateway adapts discord.js interactions to it; buttons map to the command they act as).
 */
export interface CommandInvocation {
  readonly id: string;
  readonly kind: 'command' | 'component' | 'autocomplete';
  readonly commandName: string;
  /** Raw option values as Discord sent them (ids for users, channels and roles). */
  readonly rawOptions: Readonly<Record<string, string | number | boolean>>;
  /** For autocomplete: the option being typed. */
  readonly focusedOption?: string;
  readonly userId: string;
  /** How the invoking user is shown in this guild (nickname, else global name, else username), when known. */
  readonly userDisplayName?: string;
  readonly guildId: string | null;
  readonly channelId: string | null;
  readonly member: InvokingMember | null;
  /** Voice channels of the invoking user and of the bot in this guild, when known. */
  readonly voice: { readonly userChannelId: string | null; readonly botChannelId: string | null };
  readonly locale: string;
  /** When Discord created the interaction (ms since epoch): the 3 s deadline counts from here. */
  readonly createdAt: number;
  /** Replied or deferred. */
  readonly responded: boolean;
  readonly deferred: boolean;
  reply(message: ReplyMessage): Promise<void>;
  defer(options?: { readonly ephemeral?: boolean }): Promise<void>;
  editReply(message: ReplyMessage): Promise<void>;
  followUp(message: ReplyMessage): Promise<void>;
  respondChoices(choices: readonly AutocompleteChoice[]): Promise<void>;
}
