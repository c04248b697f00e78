import { joinVoiceChannel, type DiscordGatewayAdapterCreator, type VoiceConnection } from '@discordjs/voice';
import type { SimVoiceServer } from '../../../src/voice/index.js';

export interface VoiceIdentity {
  readonly guildId: string;
  readonly channelId: string;
  readonly userId: string;
  readonly sessionId: string;
}

export interface SimulatedJoin {
  readonly connection: VoiceConnection;
  /** Op-4 joins the library sent: 1 unless it had to rejoin (a resume does not rejoin). */
  readonly joins: () => number;
}

/**
 * Joins with the real `@discordjs/voice`, playing the main gateway's part in the adapter: every op-4 join the
 * library sends is answered, as Discord does, with VOICE_STATE_UPDATE and a VOICE_SERVER_UPDATE carrying the
 * allocated token and endpoint.
 */
export function joinThroughSimulatedGateway(server: SimVoiceServer, identity: VoiceIdentity): SimulatedJoin {
  let joins = 0;
  const adapterCreator: DiscordGatewayAdapterCreator = (methods) => ({
    sendPayload(payload) {
      const d = (payload as { d?: { channel_id?: string | null } }).d;
      if (typeof d?.channel_id !== 'string') return true;
      joins += 1;
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
  const connection = joinVoiceChannel({
    guildId: identity.guildId,
    channelId: identity.channelId,
    selfDeaf: true,
    group: identity.userId,
    adapterCreator,
  });
  return { connection, joins: () => joins };
}
