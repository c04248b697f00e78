import type { CommandOutcome } from '../contracts/command-outcome.js';
import type { CommandEnvelope, CommandType } from '../contracts/commands/index.js';
import type { CommandContext, CommandHandler } from './command-bus.js';

/** One handler per command type, each typed with its own payload and result. */
export type CommandHandlers = {
  readonly [T in CommandType]: (
    command: CommandEnvelope<T>,
    context: CommandContext,
  ) => Promise<CommandOutcome<T>>;
};

/**
 * Turns a handler per type into the single handler a bus consumes with, so a missing command is a compile
 * error in the audio service.
 */
export function dispatchByType(handlers: CommandHandlers): CommandHandler {
  return (command, context) => {
    // `handlers[command.type]` takes exactly `command`'s type; TypeScript cannot correlate the union.
    const handler = handlers[command.type] as (
      command: CommandEnvelope,
      context: CommandContext,
    ) => ReturnType<CommandHandler>;
    return handler(command, context);
  };
}
