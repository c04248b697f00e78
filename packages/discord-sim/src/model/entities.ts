/** JSON as the API carries it: embeds, components and command definitions are kept in this shape. */
export type JsonObject = Record<string, unknown>;

/** Channel types the simulator models (Discord's numbers). */
export const ChannelType = { GuildText: 0, GuildVoice: 2, GuildStageVoice: 13 } as const;
export type SimChannelType = (typeof ChannelType)[keyof typeof ChannelType];

export function isVoiceChannelType(type: SimChannelType): boolean {
  return type === ChannelType.GuildVoice || type === ChannelType.GuildStageVoice;
}

export interface SimUser {
  readonly id: string;
  readonly username: string;
  readonly bot: boolean;
}

/** A bot application: one per token the simulator has seen. */
export interface SimApplication {
  readonly id: string;
  readonly botUserId: string;
  readonly name: string;
  readonly token: string;
}

export interface SimGuild {
  readonly id: string;
  name: string;
  readonly ownerId: string;
}

export interface SimRole {
  readonly id: string;
  readonly guildId: string;
  name: string;
  permissions: bigint;
  position: number;
  /** True for a bot's integration role. */
  readonly managed: boolean;
}

export interface SimChannel {
  readonly id: string;
  readonly guildId: string;
  name: string;
  readonly type: SimChannelType;
  position: number;
}

export interface SimMember {
  readonly guildId: string;
  readonly userId: string;
  roleIds: string[];
  nick: string | null;
  readonly joinedAt: string;
}

export interface SimVoiceState {
  readonly guildId: string;
  readonly userId: string;
  channelId: string;
  sessionId: string;
  selfMute: boolean;
  selfDeaf: boolean;
}

export interface SimMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | null;
  readonly authorId: string;
  content: string;
  embeds: JsonObject[];
  components: JsonObject[];
  flags: number;
  readonly createdAt: string;
  editedAt: string | null;
  editCount: number;
  /** Set on messages an application sent (interaction responses, follow-ups, bot messages). */
  readonly applicationId: string | null;
  /** The interaction this message answers, if any. */
  readonly interactionId: string | null;
  /** Ephemeral messages are seen only by the interaction's user, never listed in the channel. */
  readonly ephemeral: boolean;
}

export interface SimCommand {
  readonly id: string;
  readonly applicationId: string;
  readonly guildId: string | null;
  readonly name: string;
  readonly type: number;
  readonly version: string;
  /** The definition as the bot registered it (description, options, permissions...). */
  readonly definition: JsonObject;
}

/** Message flags the simulator reads. */
export const MessageFlags = {
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  IsComponentsV2: 1 << 15,
} as const;
