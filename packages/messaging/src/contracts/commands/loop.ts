import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { loopModeSchema } from '../primitives.js';

/** Set the loop mode. */
export const loopCommand = defineCommand(
  'loop',
  z.object({ mode: loopModeSchema }),
  z.object({ mode: loopModeSchema, previous: loopModeSchema }),
);
