import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { snowflakeSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** A track started playing. */
export const trackStartEventSchema = envelopeSchema(
  'track.start',
  z.object({
    track: trackSchema,
    queueLength: z.number().int().nonnegative(),
    /** Where the now-playing message lives. */
    textChannelId: snowflakeSchema.nullable(),
  }),
);
