import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';
import { millisecondsSchema } from '../primitives.js';

/** Where the current track is (sent every few seconds while playing, and after a seek). */
export const progressEventSchema = envelopeSchema(
  'player.progress',
  z.object({ positionMs: millisecondsSchema, durationMs: millisecondsSchema, paused: z.boolean() }),
);
