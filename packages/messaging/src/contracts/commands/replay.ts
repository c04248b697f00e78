import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { trackSchema } from '../track.js';

/** Restart the current track from the beginning. */
export const replayCommand = defineCommand('replay', z.object({}), z.object({ track: trackSchema }));
