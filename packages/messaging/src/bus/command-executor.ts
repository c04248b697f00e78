import { err } from '@discord-bot/errors';
import { commandError, type CommandError } from '../contracts/command-error.js';
import type { AnyCommandOutcome } from '../contracts/command-outcome.js';
import type { CommandReply } from '../contracts/command-reply.js';
import { UNORDERED_COMMANDS, type AnyCommand } from '../contracts/commands/index.js';
import { parseCommand } from '../contracts/parse-command.js';
import { RETRY_DELAY_MS } from '../constants.js';
import type { CommandHandler } from './command-bus.js';
import { sleep, type CommandBusContext } from './command-bus-context.js';
import type { Delivery } from './command-transport.js';
import { KeyedSerialQueue } from './keyed-serial-queue.js';

/**
 * The consuming half of a command bus: reads (and reclaims) deliveries, validates them, runs one guild's
 * commands one at a time in arrival order (an unordered read-only command at once), answers expired ones
 * without running them, replays the stored reply of a redelivered command that already completed, and
 * acknowledges everything exactly once.
 */
export class CommandExecutor {
  readonly #context: CommandBusContext;
  readonly #handler: CommandHandler;
  readonly #queue = new KeyedSerialQueue();
  /** Deliveries this consumer holds (queued or running): kept alive so no one reclaims them. */
  readonly #held = new Set<string>();
  #running = false;
  #abandoned = false;
  #readLoop: Promise<void> | undefined;
  #timers: NodeJS.Timeout[] = [];
  #slotFreed: (() => void) | undefined;

  public constructor(context: CommandBusContext, handler: CommandHandler) {
    this.#context = context;
    this.#handler = handler;
  }

  /** Joins the group and starts reading, reclaiming and keeping held commands alive. */
  public async start(): Promise<void> {
    await this.#context.transport.prepareConsumer();
    this.#running = true;
    this.#readLoop = this.#runReadLoop();
    const { claimIdleMs } = this.#context.tuning;
    this.#timers.push(
      setInterval(() => void this.#reclaim(), Math.max(claimIdleMs / 2, 10)),
      setInterval(() => void this.#keepAlive(), Math.max(claimIdleMs / 3, 10)),
    );
    // Commands another consumer left behind are worth taking at once, not after the first interval.
    void this.#reclaim();
  }

  /** Stops reading and waits until every command held has been answered. */
  public async stop(): Promise<void> {
    this.#stopTimers();
    this.#running = false;
    this.#slotFreed?.();
    await this.#readLoop;
    await this.#queue.idle();
  }

  /** Stops at once without acknowledging anything (a crash, for tests). */
  public abandon(): void {
    this.#stopTimers();
    this.#running = false;
    this.#abandoned = true;
    this.#slotFreed?.();
  }

  #stopTimers(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
  }

  async #runReadLoop(): Promise<void> {
    let failing = false;
    while (this.#running) {
      if (this.#queue.size >= this.#context.tuning.maxInFlight) {
        await new Promise<void>((resolve) => (this.#slotFreed = resolve));
        continue;
      }
      try {
        const deliveries = await this.#context.transport.read(
          this.#context.tuning.readCount,
          this.#context.tuning.blockMs,
        );
        if (failing) this.#context.logger.info('command stream readable again');
        failing = false;
        for (const delivery of deliveries) this.#accept(delivery);
        // Let the commands just accepted start (and fast ones answer) before the next blocking read is written
        // to the socket: that write would otherwise sit on the critical path of every reply.
        if (deliveries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      } catch (error) {
        if (!this.#running) break;
        if (!failing) this.#context.logger.warn({ err: error }, 'cannot read the command stream, retrying');
        failing = true;
        await sleep(RETRY_DELAY_MS);
      }
    }
  }

  async #reclaim(): Promise<void> {
    if (!this.#running) return;
    try {
      const deliveries = await this.#context.transport.reclaim(
        this.#context.tuning.claimIdleMs,
        this.#context.tuning.readCount,
      );
      for (const delivery of deliveries) if (!this.#held.has(delivery.deliveryId)) this.#accept(delivery);
    } catch (error) {
      this.#context.logger.debug({ err: error }, 'reclaim failed; will retry');
    }
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
    if (!parsed.ok) {
      const { reason, id, detail } = parsed.error;
      this.#context.metrics.dropped.inc({ channel: this.#context.channel, reason });
      this.#context.logger.warn(
        { deliveryId: delivery.deliveryId, commandId: id, reason, detail },
        'dropped a bad command',
      );
      this.#held.add(delivery.deliveryId);
      const settle =
        id === undefined
          ? () => this.#context.transport.drop(delivery.deliveryId)
          : () => this.#complete(delivery, id, errorReply(id, commandError('invalid', detail)));
      this.#queue.push(`#rejected`, () => this.#settle(delivery, settle));
      return;
    }
    const command = parsed.value;
    this.#held.add(delivery.deliveryId);
    // An unordered command gets a key of its own: it runs at once, beside the guild's ordered commands.
    const key = UNORDERED_COMMANDS.has(command.type) ? `${command.guildId}#${command.id}` : command.guildId;
    this.#queue.push(key, () => this.#execute(delivery, command));
  }

  async #execute(delivery: Delivery, command: AnyCommand): Promise<void> {
    const labels = { channel: this.#context.channel, type: command.type };
    if (delivery.redelivered) {
      this.#context.metrics.redelivered.inc({ channel: this.#context.channel });
      const previous = await this.#retrying(() => this.#context.transport.completedReply(command.id));
      if (previous !== undefined) {
        await this.#settle(delivery, () =>
          this.#context.transport.complete(
            delivery.deliveryId,
            command.id,
            previous,
            this.#context.tuning.idempotencyTtlMs,
          ),
        );
        return;
      }
    }
    if (this.#abandoned) return;
    if (Date.now() > command.deadlineAt) {
      this.#context.metrics.expired.inc(labels);
      const late = Date.now() - command.deadlineAt;
      const reply = errorReply(
        command.id,
        commandError('expired', `"${command.type}" expired ${late} ms before it could run`),
      );
      await this.#settle(delivery, () => this.#complete(delivery, command.id, reply));
      return;
    }
    const outcome = await this.#run(command, delivery.redelivered);
    this.#context.metrics.consumed.inc(labels);
    const reply: CommandReply = outcome.ok
      ? { id: command.id, ok: true, result: outcome.value, repliedAt: Date.now() }
      : errorReply(command.id, outcome.error);
    await this.#settle(delivery, () => this.#complete(delivery, command.id, reply));
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

  #complete(delivery: Delivery, commandId: string, reply: CommandReply): Promise<void> {
    return this.#context.transport.complete(
      delivery.deliveryId,
      commandId,
      JSON.stringify(reply),
      this.#context.tuning.idempotencyTtlMs,
    );
  }

  /** Retries an acknowledgement until it lands: a lost one would run the command again elsewhere. */
  async #settle(delivery: Delivery, action: () => Promise<void>): Promise<void> {
    try {
      await this.#retrying(action);
    } finally {
      this.#held.delete(delivery.deliveryId);
      this.#slotFreed?.();
      this.#slotFreed = undefined;
    }
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
