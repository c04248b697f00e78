import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { snowflakeSchema } from '../primitives.js';

/**
 * A member's voice state changed (Discord `VOICE_STATE_UPDATE`): joins, leaves, moves, mutes. The audio
 * service needs the bot's own (session id) and the others' (to notice when the bot is alone).
 */
export const voiceStateEventSchema = envelopeSchema(
  'voice.state',
  z.object({
    userId: snowflakeSchema,
    channelId: snowflakeSchema.nullable(),
    sessionId: z.string(),
    isBot: z.boolean(),
    selfDeaf: z.boolean(),
    selfMute: z.boolean(),
    serverDeaf: z.boolean(),
    serverMute: z.boolean(),
    suppress: z.boolean(),
  }),
);
