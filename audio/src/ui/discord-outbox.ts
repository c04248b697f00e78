import type { Logger } from '@discord-bot/logger';
import {
  createEnvelope,
  TO_DISCORD_CHANNEL,
  type StreamBus,
  type ToDiscordMessage,
} from '@discord-bot/messaging';

/**
 * What the audio service asks the gateway to do on Discord: voice joins (op 4), channel notices, and who sits
 * in a guild's voice channels.
 */
export class DiscordOutbox {
  public constructor(
    private readonly bus: StreamBus,
    private readonly logger: Logger,
  ) {}

  /** A gateway payload for the guild's shard (the gateway derives the shard from the guild id). */
  public gatewaySend(guildId: string, op: number, d: Record<string, unknown>): void {
    this.#publish(createEnvelope('gateway.send', { op, d }, { guildId }));
  }

  /** A short notice for a text channel (a skipped track, a stopped player, no audio node). */
  public notice(guildId: string, channelId: string | null, code: string, message: string): void {
    if (channelId === null) return;
    this.#publish(createEnvelope('channel.notice', { channelId, code, message }, { guildId }));
  }

  /** Asks for the guild's voice roster; the gateway running its shard answers `voice.roster` on `to-audio`. */
  public requestVoiceRoster(guildId: string): void {
    this.#publish(createEnvelope('voice.roster.request', {}, { guildId }));
  }

  #publish(message: ToDiscordMessage): void {
    this.bus.publish(TO_DISCORD_CHANNEL, message).catch((error: unknown) => {
      this.logger.warn({ err: error, type: message.type }, 'could not publish to the gateway');
    });
  }
}
