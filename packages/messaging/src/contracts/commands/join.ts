import { z } from 'zod';
import { defineCommand } from '../command-contract.js';
import { snowflakeSchema } from '../primitives.js';

/** Connect the player to a voice channel (and remember where to announce). */
export const joinCommand = defineCommand(
  'join',
  z.object({ voiceChannelId: snowflakeSchema, textChannelId: snowflakeSchema }),
  z.object({ voiceChannelId: snowflakeSchema, alreadyConnected: z.boolean() }),
);
