import type { DispatchEvent } from '../model/dispatch-sink.js';
import type { JsonObject } from '../model/entities.js';

/** Gateway intents the simulator honours (Discord's bits). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildVoiceStates: 1 << 7,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

/** Every intent bit Discord defines (0-16, 20, 21, 24, 25); anything else closes with 4013. */
export const VALID_INTENTS = 0x1_ffff | (1 << 20) | (1 << 21) | (1 << 24) | (1 << 25);

export const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;

const REQUIRED: Record<DispatchEvent, number> = {
  GUILD_CREATE: Intent.Guilds,
  GUILD_DELETE: Intent.Guilds,
  GUILD_ROLE_CREATE: Intent.Guilds,
  GUILD_ROLE_UPDATE: Intent.Guilds,
  CHANNEL_CREATE: Intent.Guilds,
  CHANNEL_DELETE: Intent.Guilds,
  GUILD_MEMBER_ADD: Intent.GuildMembers,
  GUILD_MEMBER_UPDATE: Intent.GuildMembers,
  GUILD_MEMBER_REMOVE: Intent.GuildMembers,
  VOICE_STATE_UPDATE: Intent.GuildVoiceStates,
  VOICE_SERVER_UPDATE: 0,
  INTERACTION_CREATE: 0,
  MESSAGE_CREATE: Intent.GuildMessages,
  MESSAGE_UPDATE: Intent.GuildMessages,
  MESSAGE_DELETE: Intent.GuildMessages,
};

/** True when a session with `intents` receives `event`. */
export function wantsEvent(intents: number, event: DispatchEvent, data: JsonObject): boolean {
  const required =
    event.startsWith('MESSAGE_') && data['guild_id'] === undefined ? Intent.DirectMessages : REQUIRED[event];
  return (intents & required) === required;
}

/**
 * What a session actually receives: without MESSAGE_CONTENT, other users' messages arrive with empty
 * content, embeds and components; GUILD_CREATE lists other members only with GUILD_MEMBERS (or in voice)
 * and voice states only with GUILD_VOICE_STATES.
 */
export function shapeForSession(
  intents: number,
  botUserId: string,
  event: DispatchEvent,
  data: JsonObject,
): JsonObject {
  if ((event === 'MESSAGE_CREATE' || event === 'MESSAGE_UPDATE') && (intents & Intent.MessageContent) === 0) {
    const author = data['author'] as JsonObject | undefined;
    if (author?.['id'] !== botUserId)
      return { ...data, content: '', embeds: [], components: [], attachments: [] };
  }
  if (event === 'GUILD_CREATE') {
    const voiceStates =
      (intents & Intent.GuildVoiceStates) !== 0 ? (data['voice_states'] as JsonObject[]) : [];
    const inVoice = new Set(voiceStates.map((v) => v['user_id']));
    const members = (data['members'] as JsonObject[]).filter((m) => {
      const id = (m['user'] as JsonObject | undefined)?.['id'];
      return (intents & Intent.GuildMembers) !== 0 || id === botUserId || inVoice.has(id);
    });
    return { ...data, members, voice_states: voiceStates };
  }
  return data;
}
