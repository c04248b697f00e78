import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { millisecondsSchema } from '../primitives.js';

/** Pause playback (pausing a paused player succeeds and changes nothing). */
export const pauseCommand = defineCommand(
  'pause',
  z.object({}),
  z.object({ positionMs: millisecondsSchema, wasPaused: z.boolean() }),
);
