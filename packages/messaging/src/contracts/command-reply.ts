import { z } from 'zod';
import { commandErrorSchema } from './command-error.js';
import { epochMsSchema } from './primitives.js';

/**
 * The answer to one command, sent to the sender's reply channel. `result` is checked against the command's
 * own result schema by the sender, which knows the type it asked for.
 */
export const commandReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.string(), ok: z.literal(true), result: z.unknown(), repliedAt: epochMsSchema }),
  z.object({ id: z.string(), ok: z.literal(false), error: commandErrorSchema, repliedAt: epochMsSchema }),
]);
export type CommandReply = z.infer<typeof commandReplySchema>;
