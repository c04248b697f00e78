import type { VoiceRosterMember } from '@discord-bot/messaging';
import type { Client } from 'discord.js';

/**
 * Everyone in a voice channel of `guildId` according to discord.js's voice-state cache (filled from
 * GUILD_CREATE and every VOICE_STATE_UPDATE, so it includes members who joined before any audio service
 * listened). Undefined when the guild is not cached or unavailable (an outage, or still loading). The
 * gateway caches no member but the bot itself, so another bot in voice counts as a listener here (the audio
 * service then stays rather than leaving people alone).
 */
export function voiceMembersOf(client: Client, guildId: string): VoiceRosterMember[] | undefined {
  const guild = client.guilds.cache.get(guildId);
  if (guild?.available !== true) return undefined;
  const members: VoiceRosterMember[] = [];
  for (const state of guild.voiceStates.cache.values()) {
    // A member who left keeps a cached state without a channel.
    if (state.channelId === null) continue;
    members.push({
      userId: state.id,
      channelId: state.channelId,
      isBot: state.id === client.user?.id || state.member?.user.bot === true,
    });
  }
  return members;
}
