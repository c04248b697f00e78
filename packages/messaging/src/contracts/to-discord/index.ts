import { z } from 'zod';
import { CHANNELS } from '../../constants.js';
import { defineChannel } from '../channel.js';
import { channelNoticeSchema } from './channel-notice.js';
import { gatewaySendSchema } from './gateway-send.js';
import { voiceRosterRequestSchema } from './voice-roster-request.js';

/** Every message of `discord-bot:to-discord`. */
export const toDiscordMessageSchema = z.discriminatedUnion('type', [
  gatewaySendSchema,
  channelNoticeSchema,
  voiceRosterRequestSchema,
]);
export type ToDiscordMessage = z.infer<typeof toDiscordMessageSchema>;

/** Audio -> gateway: payloads to send to Discord on the right shard, notices, voice roster requests. */
export const TO_DISCORD_CHANNEL = defineChannel(CHANNELS.toDiscord, toDiscordMessageSchema);

export { channelNoticeSchema, gatewaySendSchema, voiceRosterRequestSchema };
