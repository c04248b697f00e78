import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { loopModeSchema, millisecondsSchema } from '../primitives.js';
import { trackSchema } from '../track.js';

/** Read the player state: what plays, where, and how. */
export const nowPlayingCommand = defineCommand(
  'nowPlaying',
  z.object({}),
  z.object({
    track: trackSchema.nullable(),
    positionMs: millisecondsSchema,
    paused: z.boolean(),
    volume: z.number().int(),
    loop: loopModeSchema,
    queueLength: z.number().int().nonnegative(),
  }),
);
