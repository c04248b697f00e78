import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { queuePositionSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** Skip the current track, or jump to queue position `to` (dropping the tracks before it). */
export const skipCommand = defineCommand(
  'skip',
  z.object({ to: queuePositionSchema.optional() }),
  z.object({ skipped: trackSchema, next: trackSchema.nullable() }),
);
