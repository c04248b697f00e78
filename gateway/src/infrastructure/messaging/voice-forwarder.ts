import type { Logger } from '@discord-bot/logger';
import {
  TO_AUDIO_CHANNEL,
  createEnvelope,
  type StreamBus,
  type ToAudioMessage,
} from '@discord-bot/messaging';

/** The fields of Discord's VOICE_STATE_UPDATE the audio service needs. */
interface RawVoiceState {
  readonly guild_id?: string;
  readonly user_id: string;
  readonly channel_id: string | null;
  readonly session_id: string;
  readonly member?: { readonly user?: { readonly bot?: boolean } };
  readonly self_deaf?: boolean;
  readonly self_mute?: boolean;
  readonly deaf?: boolean;
  readonly mute?: boolean;
  readonly suppress?: boolean;
}

interface RawVoiceServer {
  readonly guild_id: string;
  readonly token: string;
  readonly endpoint: string | null;
}

/** A gateway dispatch as discord.js emits it on `raw`. */
export interface RawPacket {
  readonly t?: string | null;
  readonly d?: unknown;
}

/**
 * Turns the gateway's raw voice dispatches into `to-audio` messages, as they came (the audio service owns
 * the voice connections and needs the bot's session id, token and endpoint, and everyone's moves to notice
 * when the bot is alone). Returns undefined for anything else.
 */
export function toAudioMessage(packet: RawPacket, botUserId: string): ToAudioMessage | undefined {
  if (packet.t === 'VOICE_STATE_UPDATE') {
    const d = packet.d as RawVoiceState;
    if (d.guild_id === undefined) return undefined;
    return createEnvelope(
      'voice.state',
      {
        userId: d.user_id,
        channelId: d.channel_id,
        sessionId: d.session_id,
        isBot: d.user_id === botUserId || d.member?.user?.bot === true,
        selfDeaf: d.self_deaf ?? false,
        selfMute: d.self_mute ?? false,
        serverDeaf: d.deaf ?? false,
        serverMute: d.mute ?? false,
        suppress: d.suppress ?? false,
      },
      { guildId: d.guild_id },
    );
  }
  if (packet.t === 'VOICE_SERVER_UPDATE') {
    const d = packet.d as RawVoiceServer;
    return createEnvelope('voice.server', { token: d.token, endpoint: d.endpoint }, { guildId: d.guild_id });
  }
  return undefined;
}

/** Publishes a raw voice dispatch on `to-audio`; failures are logged (without the voice token). */
export function forwardVoicePacket(
  packet: RawPacket,
  botUserId: string,
  toAudio: StreamBus,
  logger: Logger,
): void {
  const message = toAudioMessage(packet, botUserId);
  if (message === undefined) return;
  toAudio.publish(TO_AUDIO_CHANNEL, message).catch((error: unknown) => {
    logger.error(
      { err: error, guildId: message.guildId, type: message.type },
      'could not forward a voice event',
    );
  });
}
