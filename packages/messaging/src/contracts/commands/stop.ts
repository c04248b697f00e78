import { z } from 'zod';
import { defineCommand } from '../command-contract.js';

/** Stop playback and clear the queue; the bot stays in the channel. */
export const stopCommand = defineCommand(
  'stop',
  z.object({}),
  z.object({ clearedCount: z.number().int().nonnegative() }),
);
