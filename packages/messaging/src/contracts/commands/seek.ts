import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema } from '../primitives.js';

/** Move within the current track. */
export const seekCommand = defineCommand(
  'seek',
  z.object({ positionMs: millisecondsSchema }),
  z.object({ positionMs: millisecondsSchema, durationMs: millisecondsSchema }),
);
