import { err } from '@discord-bot/errors';
import { commandError, type CommandError } from '../contracts/command-error.js';
import type { AnyCommandOutcome } from '../contracts/command-outcome.js';
import type { CommandReply } from '../contracts/command-reply.js';
import { UNORDERED_COMMANDS, type AnyCommand } from '../contracts/commands/index.js';
import { parseCommand } from '../contracts/parse-command.js';
import { RETRY_DELAY_MS } from '../constants.js';
import type { CommandHandler } from './command-bus.js';
import { sleep, type CommandBusContext } from './command-bus-context.js';
import { CommandIntake } from './command-intake.js';
import type { Delivery } from './command-transport.js';
import { KeyedSerialQueue } from './keyed-serial-queue.js';

/**
 * The consuming half of a command bus: takes deliveries from its {@link CommandIntake}, validates them, runs
 * one guild's commands one at a time in arrival order (an unordered read-only command at once), answers
 * expired ones without running them, replays the stored reply of a redelivered command that already
 * completed, and acknowledges everything exactly once.
 */
export class CommandExecutor {
  readonly #context: CommandBusContext;
  readonly #handler: CommandHandler;
  readonly #queue = new KeyedSerialQueue();
  /** Deliveries this consumer holds (queued or running): kept alive so no one reclaims them. */
  readonly #held = new Set<string>();
  readonly #intake: CommandIntake;
  #abandoned = false;
  #keepAliveTimer: NodeJS.Timeout | undefined;

  public constructor(context: CommandBusContext, handler: CommandHandler) {
    this.#context = context;
    this.#handler = handler;
    this.#intake = new CommandIntake(context, {
      accept: (delivery) => this.#accept(delivery),
      load: () => this.#queue.size,
      holds: (deliveryId) => this.#held.has(deliveryId),
    });
  }

  /** Joins the group and starts taking commands and keeping held ones alive. */
  public async start(): Promise<void> {
    await this.#intake.start();
    this.#keepAliveTimer = setInterval(
      () => void this.#keepAlive(),
      Math.max(this.#context.tuning.claimIdleMs / 3, 10),
    );
  }

  /** Stops taking commands and waits until every command held has been answered. */
  public async stop(): Promise<void> {
    await this.#intake.stop();
    await this.#queue.idle();
    clearInterval(this.#keepAliveTimer);
  }

  /** Stops at once without acknowledging anything (a crash, for tests). */
  public abandon(): void {
    clearInterval(this.#keepAliveTimer);
    this.#abandoned = true;
    this.#intake.abandon();
  }

  async #keepAlive(): Promise<void> {
    if (this.#held.size === 0) return;
    try {
      await this.#context.transport.touch([...this.#held]);
    } catch (error) {
      this.#context.logger.debug({ err: error }, 'keep-alive of held commands failed; will retry');
    }
  }

  #accept(delivery: Delivery): void {
    let decoded: unknown;
    try {
      decoded = JSON.parse(delivery.text);
    } catch {
      decoded = undefined;
    }
    const parsed = parseCommand(decoded);
    this.#held.add(delivery.deliveryId);
    if (!parsed.ok) {
      const { reason, id, detail } = parsed.error;
      this.#context.metrics.dropped.inc({ channel: this.#context.channel, reason });
      this.#context.logger.warn(
        { deliveryId: delivery.deliveryId, commandId: id, reason, detail },
        'dropped a bad command',
      );
      this.#queue.push('#rejected', () => this.#reject(delivery, id, detail));
      return;
    }
    const command = parsed.value;
    // An unordered command gets a key of its own: it runs at once, beside the guild's ordered commands.
    const key = UNORDERED_COMMANDS.has(command.type) ? `${command.guildId}#${command.id}` : command.guildId;
    this.#queue.push(key, () => this.#execute(delivery, command));
  }

  async #execute(delivery: Delivery, command: AnyCommand): Promise<void> {
    try {
      const replyText = await this.#answer(delivery, command);
      if (replyText !== undefined) await this.#complete(delivery, command.id, replyText);
    } finally {
      this.#release(delivery);
    }
  }

  /** The reply of `command`: replayed, expired, or what the handler answered; undefined after a crash. */
  async #answer(delivery: Delivery, command: AnyCommand): Promise<string | undefined> {
    if (delivery.redelivered) {
      this.#context.metrics.redelivered.inc({ channel: this.#context.channel });
      const previous = await this.#retrying(() => this.#context.transport.completedReply(command.id));
      if (previous !== undefined) return previous;
    }
    if (this.#abandoned) return undefined;
    const labels = { channel: this.#context.channel, type: command.type };
    const late = Date.now() - command.deadlineAt;
    if (late > 0) {
      this.#context.metrics.expired.inc(labels);
      const expired = commandError('expired', `"${command.type}" expired ${late} ms before it could run`);
      return JSON.stringify(errorReply(command.id, expired));
    }
    const outcome = await this.#run(command, delivery.redelivered);
    this.#context.metrics.consumed.inc(labels);
    const reply: CommandReply = outcome.ok
      ? { id: command.id, ok: true, result: outcome.value, repliedAt: Date.now() }
      : errorReply(command.id, outcome.error);
    return JSON.stringify(reply);
  }

  async #run(command: AnyCommand, redelivered: boolean): Promise<AnyCommandOutcome> {
    try {
      return await this.#handler(command, { redelivered });
    } catch (error) {
      this.#context.metrics.failed.inc({ channel: this.#context.channel, type: command.type });
      this.#context.logger.error(
        { err: error, commandId: command.id, guildId: command.guildId, correlationId: command.correlationId },
        'command handler threw',
      );
      return err(commandError('internal', 'the command failed unexpectedly'));
    }
  }

  /** Answers a bad command `invalid` when its id is readable, else only acknowledges it. */
  async #reject(delivery: Delivery, id: string | undefined, detail: string): Promise<void> {
    try {
      if (id === undefined) {
        await this.#retrying(() => this.#context.transport.drop(delivery.deliveryId));
      } else {
        await this.#complete(delivery, id, JSON.stringify(errorReply(id, commandError('invalid', detail))));
      }
    } finally {
      this.#release(delivery);
    }
  }

  /** Stores and sends the reply, retried until it lands: a lost one would run the command again elsewhere. */
  async #complete(delivery: Delivery, commandId: string, replyText: string): Promise<void> {
    const { transport, tuning } = this.#context;
    await this.#retrying(() =>
      transport.complete(delivery.deliveryId, commandId, replyText, tuning.idempotencyTtlMs),
    );
  }

  #release(delivery: Delivery): void {
    this.#held.delete(delivery.deliveryId);
    this.#intake.roomFreed();
  }

  async #retrying<T>(action: () => Promise<T>): Promise<T | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      if (this.#abandoned) return undefined;
      try {
        return await action();
      } catch (error) {
        if (attempt === 0) this.#context.logger.warn({ err: error }, 'command stream write failed, retrying');
        await sleep(RETRY_DELAY_MS);
      }
    }
  }
}

function errorReply(id: string, error: CommandError): CommandReply {
  return { id, ok: false, error, repliedAt: Date.now() };
}
