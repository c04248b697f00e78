import type {
  JsonObject,
  SimChannel,
  SimCommand,
  SimMember,
  SimMessage,
  SimRole,
  SimUser,
  SimVoiceState,
} from './entities.js';
import type { SimStore } from './sim-store.js';

/** Discord's JSON for the records in {@link SimStore}: the shapes discord.js parses. */

export function userJson(user: SimUser): JsonObject {
  return {
    id: user.id,
    username: user.username,
    global_name: user.bot ? null : user.username,
    discriminator: user.bot ? '0001' : '0',
    avatar: null,
    bot: user.bot,
    system: false,
    public_flags: 0,
  };
}

export function roleJson(role: SimRole): JsonObject {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.managed,
    mentionable: false,
    flags: 0,
  };
}

export function channelJson(channel: SimChannel): JsonObject {
  const base: JsonObject = {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId,
    name: channel.name,
    position: channel.position,
    parent_id: null,
    permission_overwrites: [],
    nsfw: false,
    flags: 0,
  };
  if (channel.type === 0) return { ...base, topic: null, last_message_id: null, rate_limit_per_user: 0 };
  return { ...base, bitrate: 64_000, user_limit: 0, rtc_region: null };
}

export function memberJson(store: SimStore, member: SimMember, withUser = true): JsonObject {
  const user = store.users.get(member.userId);
  const json: JsonObject = {
    roles: [...member.roleIds],
    nick: member.nick,
    avatar: null,
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
  };
  if (withUser && user !== undefined) json['user'] = userJson(user);
  return json;
}

export function voiceStateJson(store: SimStore, state: SimVoiceState, channelId: string | null): JsonObject {
  const member = store.member(state.guildId, state.userId);
  return {
    guild_id: state.guildId,
    channel_id: channelId,
    user_id: state.userId,
    ...(member === undefined ? {} : { member: memberJson(store, member) }),
    session_id: state.sessionId,
    deaf: false,
    mute: false,
    self_deaf: state.selfDeaf,
    self_mute: state.selfMute,
    self_video: false,
    suppress: false,
    request_to_speak_timestamp: null,
  };
}

export function messageJson(store: SimStore, message: SimMessage): JsonObject {
  const author = store.users.get(message.authorId);
  const member = message.guildId === null ? undefined : store.member(message.guildId, message.authorId);
  return {
    id: message.id,
    type: message.interactionId === null ? 0 : 20,
    channel_id: message.channelId,
    ...(message.guildId === null ? {} : { guild_id: message.guildId }),
    author: author === undefined ? { id: message.authorId } : userJson(author),
    ...(member === undefined ? {} : { member: memberJson(store, member, false) }),
    content: message.content,
    timestamp: message.createdAt,
    edited_timestamp: message.editedAt,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: message.embeds,
    components: message.components,
    pinned: false,
    flags: message.flags,
    ...(message.applicationId === null ? {} : { application_id: message.applicationId }),
    ...(message.applicationId !== null && message.interactionId !== null
      ? { webhook_id: message.applicationId }
      : {}),
  };
}

export function commandJson(command: SimCommand): JsonObject {
  return {
    ...command.definition,
    id: command.id,
    application_id: command.applicationId,
    ...(command.guildId === null ? {} : { guild_id: command.guildId }),
    name: command.name,
    type: command.type,
    version: command.version,
  };
}

/** The full GUILD_CREATE payload: channels, roles, members and voice states. */
export function guildCreateJson(store: SimStore, guildId: string, withVoiceStates: boolean): JsonObject {
  const guild = store.guilds.get(guildId);
  if (guild === undefined) throw new Error(`guild ${guildId} does not exist`);
  const members = store.guildMembers(guildId);
  return {
    ...guildJson(store, guildId),
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: members.length,
    channels: store.guildChannels(guildId).map((c) => channelJson(c)),
    threads: [],
    members: members.map((m) => memberJson(store, m)),
    voice_states: withVoiceStates
      ? store.guildVoiceStates(guildId).map((v) => {
          const { guild_id: _omit, ...rest } = voiceStateJson(store, v, v.channelId);
          return rest;
        })
      : [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** The guild object REST returns (`GET /guilds/{id}`). */
export function guildJson(store: SimStore, guildId: string): JsonObject {
  const guild = store.guilds.get(guildId);
  if (guild === undefined) throw new Error(`guild ${guildId} does not exist`);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: store.guildRoles(guildId).map((r) => roleJson(r)),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
  };
}
