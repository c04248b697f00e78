import { z } from 'zod';
import { defineCommand } from '../command-contract.js';

/** Empty the queue; the current track keeps playing. */
export const clearCommand = defineCommand(
  'clear',
  z.object({}),
  z.object({ clearedCount: z.number().int().nonnegative() }),
);
