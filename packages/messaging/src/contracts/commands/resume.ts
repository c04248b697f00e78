import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema } from '../primitives.js';

/** Resume a paused player. */
export const resumeCommand = defineCommand(
  'resume',
  z.object({}),
  z.object({ positionMs: millisecondsSchema, wasPaused: z.boolean() }),
);
