import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { trackSchema } from '../track.js';

/** Why a track stopped playing. */
export const trackEndReasonSchema = z.enum([
  'finished',
  'skipped',
  'stopped',
  'replaced',
  'failed',
  'cleanup',
]);
export type TrackEndReason = z.infer<typeof trackEndReasonSchema>;

/** A track stopped playing. */
export const trackEndEventSchema = envelopeSchema(
  'track.end',
  z.object({ track: trackSchema, reason: trackEndReasonSchema }),
);
