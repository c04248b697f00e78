import { z } from 'zod';
import { err, ok, type Result } from '@discord-bot/errors';
import { COMMAND_CONTRACTS, isCommandType, type AnyCommand, type CommandType } from './commands/index.js';
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

/** The whole schema of one command type (envelope, deadline, payload), built on first use. */
const commandSchemas = new Map<CommandType, z.ZodType>();

function commandSchema(type: CommandType): z.ZodType {
  let schema = commandSchemas.get(type);
  if (schema === undefined) {
    schema = z.object({
      ...envelopeFields,
      type: z.literal(type),
      deadlineAt: epochMsSchema,
      payload: COMMAND_CONTRACTS[type].payload,
    });
    commandSchemas.set(type, schema);
  }
  return schema;
}

/**
 * Validates a decoded command against the envelope and the payload schema of its type, in one pass for a
 * known type. Returns a value, never throws: a bad message must not kill its consumer.
 */
export function parseCommand(raw: unknown): Result<AnyCommand, RejectedMessage> {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && isCommandType(type)) {
    const command = commandSchema(type).safeParse(raw);
    if (!command.success) {
      return err({ reason: 'malformed', id: salvageId(raw), detail: z.prettifyError(command.error) });
    }
    // The schema is COMMAND_CONTRACTS[type]'s with the envelope around it; TypeScript cannot follow it.
    return ok(command.data as AnyCommand);
  }
  const shell = commandShellSchema.safeParse(raw);
  if (!shell.success) {
    return err({ reason: 'malformed', id: salvageId(raw), detail: z.prettifyError(shell.error) });
  }
  return err({
    reason: 'unknown-type',
    id: shell.data.id,
    detail: `unknown command type "${shell.data.type}"`,
  });
}
