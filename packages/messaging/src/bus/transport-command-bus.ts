import type { Logger } from '@discord-bot/logger';
import type { Registry } from 'prom-client';
import { CHANNELS, DefaultCommandBusOptions, type CommandBusTuning } from '../constants.js';
import type { CommandOutcome } from '../contracts/command-outcome.js';
import type { CommandPayloadInput, CommandType } from '../contracts/commands/index.js';
import { messagingMetrics } from '../metrics.js';
import type { CommandBus, CommandHandler, RequestOptions } from './command-bus.js';
import type { CommandBusContext } from './command-bus-context.js';
import { CommandExecutor } from './command-executor.js';
import { CommandRequester } from './command-requester.js';
import type { CommandTransport } from './command-transport.js';

/** What every command bus needs besides its transport. */
export interface CommandBusOptions extends Partial<CommandBusTuning> {
  readonly logger: Logger;
  readonly registry: Registry;
  /** Label for metrics; the transport decides the actual key. */
  readonly channel?: string;
}

/**
 * The command bus over any {@link CommandTransport}: a {@link CommandRequester} for the sending side and,
 * once `consume` is called, a {@link CommandExecutor} for the consuming side. `createRedisCommandBus` and
 * `createInProcessCommandBus` build it on their transport, so both behave the same way.
 */
export class TransportCommandBus implements CommandBus {
  readonly #context: CommandBusContext;
  readonly #requester: CommandRequester;
  #executor: CommandExecutor | undefined;

  public constructor(transport: CommandTransport, options: CommandBusOptions) {
    this.#context = {
      transport,
      tuning: resolveTuning(options),
      logger: options.logger,
      metrics: messagingMetrics(options.registry),
      channel: options.channel ?? CHANNELS.commands,
    };
    this.#requester = new CommandRequester(this.#context);
  }

  public request<T extends CommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    options: RequestOptions,
  ): Promise<CommandOutcome<T>> {
    return this.#requester.request(type, payload, options);
  }

  public withdraw(commandId: string): Promise<boolean> {
    return this.#context.transport.withdraw(commandId);
  }

  public async consume(handler: CommandHandler): Promise<void> {
    if (this.#executor !== undefined) throw new Error('this command bus is already consuming');
    this.#executor = new CommandExecutor(this.#context, handler);
    await this.#executor.start();
  }

  public async close(): Promise<void> {
    await this.#executor?.stop();
    this.#requester.abandonWaiting('the command bus was closed');
    await this.#context.transport.close();
  }

  /** Simulates a crash: connections dropped at once, nothing acknowledged. For tests. */
  public abandon(): void {
    this.#executor?.abandon();
    this.#context.transport.abandon();
  }
}

function resolveTuning(options: Partial<CommandBusTuning>): Required<CommandBusTuning> {
  const resolved: Record<string, unknown> = { ...DefaultCommandBusOptions };
  for (const key of Object.keys(DefaultCommandBusOptions)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) resolved[key] = value;
  }
  // Every key of the defaults was copied and only overridden by a defined value of the same option.
  return resolved as unknown as Required<CommandBusTuning>;
}
