import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { millisecondsSchema } from '../primitives.js';

/** The queue changed; readers who show it fetch a page again. */
export const queueChangedEventSchema = envelopeSchema(
  'queue.changed',
  z.object({
    reason: z.enum(['added', 'removed', 'moved', 'shuffled', 'cleared', 'advanced', 'restored']),
    length: z.number().int().nonnegative(),
    totalDurationMs: millisecondsSchema,
  }),
);
