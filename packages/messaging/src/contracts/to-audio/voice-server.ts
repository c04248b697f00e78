import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';

/**
 * Discord's `VOICE_SERVER_UPDATE` for the bot: where and how to connect voice. `token` is a credential:
 * never log this payload.
 */
export const voiceServerEventSchema = envelopeSchema(
  'voice.server',
  z.object({ token: z.string().min(1), endpoint: z.string().nullable() }),
);
