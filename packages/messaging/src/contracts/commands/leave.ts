import { z } from 'zod';
import { defineCommand } from '../command-contract.js';

/** Disconnect from voice and destroy the player (the saved queue is dropped). */
export const leaveCommand = defineCommand('leave', z.object({}), z.object({ wasConnected: z.boolean() }));
