import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { queuePositionSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** Move a track from one queue position to another. */
export const moveCommand = defineCommand(
  'move',
  z.object({ from: queuePositionSchema, to: queuePositionSchema }),
  z.object({ track: trackSchema, from: queuePositionSchema, to: queuePositionSchema }),
);
