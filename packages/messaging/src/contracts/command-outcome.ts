import type { Result } from '@discord-bot/errors';
import type { CommandError } from './command-error.js';
import type { CommandResult, CommandType } from './commands/index.js';

/** The typed answer to command `T`: its result, or a {@link CommandError} to handle. */
export type CommandOutcome<T extends CommandType> = Result<CommandResult<T>, CommandError>;

/** The answer to any command (what a generic handler returns). */
export type AnyCommandOutcome = { [T in CommandType]: CommandOutcome<T> }[CommandType];
