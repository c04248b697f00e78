import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { trackSchema } from '../track.js';

/** Play the previous track again (the current one goes back to the head of the queue). */
export const previousCommand = defineCommand('previous', z.object({}), z.object({ track: trackSchema }));
