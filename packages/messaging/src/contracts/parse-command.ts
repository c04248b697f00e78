import { z } from 'zod';
import { err, ok, type Result } from '@discord-bot/errors';
import { COMMAND_CONTRACTS, isCommandType, type AnyCommand } from './commands/index.js';
import { envelopeFields } from './envelope.js';
import { epochMsSchema } from './primitives.js';

const commandShellSchema = z.object({
  ...envelopeFields,
  type: z.string(),
  deadlineAt: epochMsSchema,
  payload: z.unknown(),
});

/** Why a message was dropped, and its id when one could be read (to log it and answer the sender). */
export interface RejectedMessage {
  readonly reason: 'malformed' | 'unknown-type';
  readonly id: string | undefined;
  readonly detail: string;
}

/** Reads the `id` of a message that failed validation, for logs and replies. */
export function salvageId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 100 ? id : undefined;
}

/**
 * Validates a decoded command against the envelope and the payload schema of its type.
 * Returns a value, never throws: a bad message must not kill its consumer.
 */
export function parseCommand(raw: unknown): Result<AnyCommand, RejectedMessage> {
  const shell = commandShellSchema.safeParse(raw);
  if (!shell.success) {
    return err({ reason: 'malformed', id: salvageId(raw), detail: z.prettifyError(shell.error) });
  }
  const { type } = shell.data;
  if (!isCommandType(type)) {
    return err({ reason: 'unknown-type', id: shell.data.id, detail: `unknown command type "${type}"` });
  }
  const payload = COMMAND_CONTRACTS[type].payload.safeParse(shell.data.payload);
  if (!payload.success) {
    return err({ reason: 'malformed', id: shell.data.id, detail: z.prettifyError(payload.error) });
  }
  // The type/payload pairing was just checked against COMMAND_CONTRACTS[type]; TypeScript cannot follow it.
  return ok({ ...shell.data, payload: payload.data } as AnyCommand);
}
