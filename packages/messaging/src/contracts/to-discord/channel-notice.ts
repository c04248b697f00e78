import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { snowflakeSchema } from '../primitives.js';

/** A short notice for a guild's text channel (the player waits for a node, three tracks failed...). */
export const channelNoticeSchema = envelopeSchema(
  'channel.notice',
  z.object({
    channelId: snowflakeSchema,
    code: z.string(),
    message: z.string().max(2_000),
  }),
);
