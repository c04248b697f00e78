import { z } from 'zod';
import { envelopeSchema } from '../envelope.js';

/**
 * A gateway payload for the gateway to send as is (op 4 voice state update to join, move or leave voice).
 * `shardId` is optional: the gateway derives it from `guildId` when absent.
 */
export const gatewaySendSchema = envelopeSchema(
  'gateway.send',
  z.object({
    shardId: z.number().int().nonnegative().optional(),
    op: z.number().int().nonnegative(),
    d: z.record(z.string(), z.unknown()),
  }),
);
