import { z } from 'zod';
import { commandErrorSchema } from '../command-error.js';
import { envelopeSchema } from '../envelope.js';
import { trackSchema } from '../track.js';

/** Something went wrong that users should hear about (a track failed to load or play, no node left). */
export const playerErrorEventSchema = envelopeSchema(
  'player.error',
  z.object({ error: commandErrorSchema, track: trackSchema.nullable() }),
);
