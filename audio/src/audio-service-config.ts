import { botUserIdOf, type AudioConfig, type DiscordConfig } from '@discord-bot/config';

/**
 * What the audio service reads from its configuration: its own (`AudioConfig`), or single-node's, where the
 * bot user id comes from the Discord area.
 */
export type AudioServiceConfig = Pick<AudioConfig, 'audio' | 'lavalink' | 'database'> &
  ({ readonly botUserId: string | undefined } | { readonly discord: DiscordConfig });

/** The bot user id the audio nodes must be told (Lavalink `User-Id`), or undefined when unknown. */
export function resolveBotUserId(config: AudioServiceConfig): string | undefined {
  return 'discord' in config ? botUserIdOf(config.discord) : config.botUserId;
}
