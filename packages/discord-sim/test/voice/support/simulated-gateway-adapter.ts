import { joinVoiceChannel, type DiscordGatewayAdapterCreator, type VoiceConnection } from '@discordjs/voice';
import type { SimVoiceServer } from '../../../src/voice/index.js';

export interface VoiceIdentity {
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly sessionId: string;
}

/**
 * Joins with the real `@discordjs/voice`, playing the main gateway's part in the adapter: every op-4 join the
 * library sends is answered, as Discord does, with VOICE_STATE_UPDATE and a VOICE_SERVER_UPDATE carrying a
 * freshly allocated token and endpoint.
 */
export function joinThroughSimulatedGateway(
  server: SimVoiceServer,
  identity: VoiceIdentity,
): VoiceConnection {
  const adapterCreator: DiscordGatewayAdapterCreator = (methods) => ({
    sendPayload(payload) {
      const d = (payload as { d?: { channel_id?: string | null } }).d;
      if (typeof d?.channel_id !== 'string') return true;
      const channelId = d.channel_id;
      const { token, endpoint } = server.allocate({ ...identity, channelId });
      setImmediate(() => {
        methods.onVoiceStateUpdate({
          guild_id: identity.guildId,
          channel_id: channelId,
          user_id: identity.userId,
          session_id: identity.sessionId,
          deaf: false,
          mute: false,
          self_deaf: true,
          self_mute: false,
          self_video: false,
          suppress: false,
          request_to_speak_timestamp: null,
        });
        methods.onVoiceServerUpdate({ token, guild_id: identity.guildId, endpoint });
      });
      return true;
    },
    destroy() {
      // Nothing to release: the simulated gateway holds no resources for the adapter.
    },
  });
  return joinVoiceChannel({
    guildId: identity.guildId,
    channelId: identity.channelId,
    selfDeaf: true,
    group: identity.userId,
    adapterCreator,
  });
}
