import { z } from 'zod';
import { defineCommand } from '../command-contract.js';

/** Shuffle the upcoming tracks. */
export const shuffleCommand = defineCommand(
  'shuffle',
  z.object({}),
  z.object({ count: z.number().int().nonnegative() }),
);
