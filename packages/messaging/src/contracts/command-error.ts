import { USER_ERROR_CATALOG, UserError, type UserErrorCode } from '@discord-bot/errors';
import { z } from 'zod';

/**
 * Failures the bus itself produces: the command outlived its deadline (`expired`), no reply came in time
 * (`timeout`), the message did not match its contract (`invalid`), the handler threw (`internal`).
 */
export const BUS_ERROR_CODES = ['expired', 'timeout', 'invalid', 'internal'] as const;
export type BusErrorCode = (typeof BUS_ERROR_CODES)[number];

// Object.keys loses the literal types; the catalog is the single source of these names.
const USER_ERROR_CODES = Object.keys(USER_ERROR_CATALOG) as [UserErrorCode, ...UserErrorCode[]];

/** A failed command as a value: a bus code or a user-facing code of the catalog, never a stack. */
export const commandErrorSchema = z.object({
  code: z.union([z.enum(BUS_ERROR_CODES), z.enum(USER_ERROR_CODES)]),
  message: z.string(),
  /** Fills the placeholders of the catalog message (`{max}`...). No secrets. */
  context: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CommandError = z.infer<typeof commandErrorSchema>;
export type CommandErrorCode = CommandError['code'];

/** Builds a {@link CommandError}. */
export function commandError(
  code: CommandErrorCode,
  message: string,
  context?: Readonly<Record<string, string | number>>,
): CommandError {
  return context === undefined ? { code, message } : { code, message, context: { ...context } };
}

/** Builds a command error from a user-facing code, with the catalog's message. */
export function userCommandError(
  code: UserErrorCode,
  context: Readonly<Record<string, string | number>> = {},
): CommandError {
  const error = new UserError(code, context);
  return commandError(code, error.message, context);
}

const BUS_TO_USER_CODE = {
  expired: 'COMMAND_EXPIRED',
  timeout: 'PLAYER_UNAVAILABLE',
  invalid: 'INTERNAL',
  internal: 'INTERNAL',
} as const satisfies Record<BusErrorCode, UserErrorCode>;

/**
 * What to show a user for a failed command: a `timeout` becomes "the player is not responding, try again",
 * an `expired` "that request took too long", a catalog code its own message.
 */
export function toUserError(error: CommandError): UserError {
  if ((BUS_ERROR_CODES as readonly string[]).includes(error.code)) {
    return new UserError(
      BUS_TO_USER_CODE[error.code as BusErrorCode],
      {},
      { details: { busCode: error.code } },
    );
  }
  return new UserError(error.code as UserErrorCode, error.context ?? {});
}
