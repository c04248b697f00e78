import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { queuePositionSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** Remove the track at a queue position. */
export const removeCommand = defineCommand(
  'remove',
  z.object({ position: queuePositionSchema }),
  z.object({ removed: trackSchema }),
);
