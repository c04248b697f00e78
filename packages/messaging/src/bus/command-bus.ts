import type { AnyCommandOutcome, CommandOutcome } from '../contracts/command-outcome.js';
import type { AnyCommand, CommandPayloadInput, CommandType } from '../contracts/commands/index.js';
import type { EnvelopeInit } from '../contracts/envelope.js';

/** Per-request options of {@link CommandSender.request}. */
export interface RequestOptions extends EnvelopeInit {
  /** How long to wait for the reply before answering `timeout`. */
  readonly timeoutMs?: number;
  /**
   * Epoch ms after which the command must not run (answered `expired`). Defaults to now + `timeoutMs`: once
   * the sender has stopped waiting, running the command late would surprise the user.
   */
  readonly deadlineAt?: number;
}

/** What a handler knows about the delivery of the command it runs. */
export interface CommandContext {
  /** True when another consumer received this command before and died or stalled. */
  readonly redelivered: boolean;
}

/** Runs one command and answers it. Expected failures are returned as values; a throw becomes `internal`. */
export type CommandHandler = (command: AnyCommand, context: CommandContext) => Promise<AnyCommandOutcome>;

/** The gateway's side: send a command, get its typed outcome. Never throws for a missing reply. */
export interface CommandSender {
  /**
   * Sends command `type` for a guild and waits for the outcome. A missing reply yields the `timeout` error, a
   * command that could not start before its deadline `expired`, a payload that breaks its contract `invalid`.
   *
   * @example
   * const outcome = await bus.request('volume', { volume: 50 }, { guildId, correlationId, timeoutMs: 2_500 });
   * if (!outcome.ok) return reply(toUserError(outcome.error));
   */
  request<T extends CommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    options: RequestOptions,
  ): Promise<CommandOutcome<T>>;
}

/** The audio service's side: execute commands. */
export interface CommandConsumer {
  /**
   * Starts executing commands with `handler`: commands queued while nobody consumed run now, one guild's
   * commands one at a time in arrival order, different guilds in parallel. Resolves once consuming started.
   */
  consume(handler: CommandHandler): Promise<void>;
}

/** Reliable commands with request/reply over `discord-bot:commands`. */
export interface CommandBus extends CommandSender, CommandConsumer {
  /**
   * Takes back command `commandId` if no consumer has received it yet (its consumer died before reading it,
   * say): true when it will never run, false when a consumer has it or answered it. Whoever still waits for
   * its reply gets `timeout`.
   */
  withdraw(commandId: string): Promise<boolean>;
  /** Stops consuming, waits for the commands being executed, then releases connections. */
  close(): Promise<void>;
}
