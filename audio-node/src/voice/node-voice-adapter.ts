import type { DiscordGatewayAdapterCreator, DiscordGatewayAdapterLibraryMethods } from '@discordjs/voice';
import type { VoiceTarget } from '../engine/engine-contract.js';

type VoiceStateData = Parameters<DiscordGatewayAdapterLibraryMethods['onVoiceStateUpdate']>[0];
type VoiceServerData = Parameters<DiscordGatewayAdapterLibraryMethods['onVoiceServerUpdate']>[0];

/** Op code of the gateway's Voice State Update, the only payload @discordjs/voice asks an adapter to send. */
const GATEWAY_VOICE_STATE_UPDATE = 4;
/**
 * Rejoins answered with the same voice data after closes without a Ready in between. Past this the data
 * is stale (e.g. 4006 session invalid): the adapter declines, the connection stops, and the client must
 * send fresh voice data.
 */
export const MAX_REJOINS_WITHOUT_READY = 3;

/**
 * The gateway adapter of a node that never sees the Discord gateway: the bot already joined (its client
 * sent op 4), and the client passed us the resulting voice data. Whenever @discordjs/voice asks to send
 * op 4 (join or rejoin), the adapter answers with that data, as Discord would.
 */
export class NodeVoiceAdapter {
  private methods: DiscordGatewayAdapterLibraryMethods | null = null;
  private closesSinceReady = 0;

  public constructor(private voice: VoiceTarget) {}

  public readonly creator: DiscordGatewayAdapterCreator = (methods) => {
    this.methods = methods;
    return {
      sendPayload: (payload: { op?: number; d?: { channel_id?: string | null } }) => {
        // A leave (channel null) needs no answer: the connection is being destroyed or disconnected.
        if (payload.op !== GATEWAY_VOICE_STATE_UPDATE || payload.d?.channel_id == null) return true;
        if (this.closesSinceReady > MAX_REJOINS_WITHOUT_READY) return false;
        queueMicrotask(() => this.feed());
        return true;
      },
      destroy: () => {
        this.methods = null;
      },
    };
  };

  /** New voice data from the client (new session, token or server): hand it to the connection. */
  public update(voice: VoiceTarget): void {
    this.voice = voice;
    this.closesSinceReady = 0;
    this.feed();
  }

  public noteReady(): void {
    this.closesSinceReady = 0;
  }

  public noteClose(): void {
    this.closesSinceReady++;
  }

  private feed(): void {
    const methods = this.methods;
    if (methods === null) return;
    const { guildId, userId, channelId, sessionId, token, endpoint } = this.voice;
    const state = {
      guild_id: guildId,
      channel_id: channelId,
      user_id: userId,
      session_id: sessionId,
      deaf: false,
      mute: false,
      self_deaf: true,
      self_mute: false,
      self_video: false,
      suppress: false,
      request_to_speak_timestamp: null,
    } satisfies VoiceStateData;
    const server = { token, guild_id: guildId, endpoint } satisfies VoiceServerData;
    methods.onVoiceStateUpdate(state);
    methods.onVoiceServerUpdate(server);
  }
}
