import { err, ok } from '@discord-bot/errors';
import type { Logger } from '@discord-bot/logger';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import { CHANNELS, DefaultCommandBusOptions, RETRY_DELAY_MS, type CommandBusTuning } from '../constants.js';
import { commandError, type CommandError } from '../contracts/command-error.js';
import type { AnyCommandOutcome, CommandOutcome } from '../contracts/command-outcome.js';
import { commandReplySchema, type CommandReply } from '../contracts/command-reply.js';
import {
  COMMAND_CONTRACTS,
  type AnyCommand,
  type CommandPayloadInput,
  type CommandType,
} from '../contracts/commands/index.js';
import { createEnvelope } from '../contracts/envelope.js';
import { parseCommand } from '../contracts/parse-command.js';
import { messagingMetrics, type MessagingMetrics } from '../metrics.js';
import type { CommandBus, CommandHandler, RequestOptions } from './command-bus.js';
import type { CommandTransport, Delivery } from './command-transport.js';
import { KeyedSerialQueue } from './keyed-serial-queue.js';

/** What every command bus needs besides its transport. */
export interface CommandBusOptions extends Partial<CommandBusTuning> {
  readonly logger: Logger;
  readonly registry: Registry;
  /** Label for metrics; the transport decides the actual key. */
  readonly channel?: string;
}

interface Waiter {
  readonly type: CommandType;
  readonly resolve: (outcome: CommandOutcome<CommandType>) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The command bus over any {@link CommandTransport}: request/reply with timeouts on the sending side;
 * validation, ordering per guild, deadlines, redelivery and duplicate handling on the consuming side.
 * `createRedisCommandBus` and `createInProcessCommandBus` build it on their transport.
 */
export class TransportCommandBus implements CommandBus {
  readonly #transport: CommandTransport;
  readonly #options: Required<CommandBusTuning>;
  readonly #logger: Logger;
  readonly #metrics: MessagingMetrics;
  readonly #channel: string;
  readonly #waiters = new Map<string, Waiter[]>();
  readonly #queue = new KeyedSerialQueue();
  /** Deliveries this consumer holds (queued or running): kept alive so no one reclaims them. */
  readonly #held = new Set<string>();
  #listening: Promise<void> | undefined;
  #handler: CommandHandler | undefined;
  #consuming = false;
  #abandoned = false;
  #readLoop: Promise<void> | undefined;
  #timers: NodeJS.Timeout[] = [];
  #slotFreed: (() => void) | undefined;

  public constructor(transport: CommandTransport, options: CommandBusOptions) {
    this.#transport = transport;
    this.#options = tuning(options);
    this.#logger = options.logger;
    this.#metrics = messagingMetrics(options.registry);
    this.#channel = options.channel ?? CHANNELS.commands;
  }

  public async request<T extends CommandType>(
    type: T,
    payload: CommandPayloadInput<T>,
    options: RequestOptions,
  ): Promise<CommandOutcome<T>> {
    const startedAt = performance.now();
    const payloadCheck = COMMAND_CONTRACTS[type].payload.safeParse(payload);
    if (!payloadCheck.success) {
      return this.#observe(
        type,
        startedAt,
        err(commandError('invalid', z.prettifyError(payloadCheck.error))),
      );
    }
    const timeoutMs = options.timeoutMs ?? this.#options.requestTimeoutMs;
    const envelope = {
      ...createEnvelope(type, payloadCheck.data, options),
      deadlineAt: options.deadlineAt ?? Date.now() + timeoutMs,
    };
    const outcome = new Promise<CommandOutcome<CommandType>>((resolve) => {
      const timer = setTimeout(() => {
        this.#removeWaiter(envelope.id, waiter);
        resolve(err(commandError('timeout', `no reply to "${type}" within ${timeoutMs} ms`)));
      }, timeoutMs);
      const waiter: Waiter = {
        type,
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
      };
      const list = this.#waiters.get(envelope.id);
      if (list === undefined) this.#waiters.set(envelope.id, [waiter]);
      else list.push(waiter);
    });

    const text = JSON.stringify(envelope);
    this.#listen()
      .then(() => this.#transport.enqueue(envelope.id, text, this.#options.idempotencyTtlMs))
      .then(
        (enqueued) => {
          this.#metrics.published.inc({ channel: this.#channel, type });
          if (enqueued.state === 'done') this.#onReply(enqueued.replyText);
        },
        (error: unknown) => {
          // Left to the timeout: the caller gets the same typed answer as for a silent consumer.
          this.#logger.warn({ err: error, commandId: envelope.id, type }, 'could not enqueue command');
        },
      );
    // The waiter was registered for this type; the reply was checked against this type's result schema.
    return this.#observe(type, startedAt, (await outcome) as CommandOutcome<T>);
  }

  public async consume(handler: CommandHandler): Promise<void> {
    if (this.#handler !== undefined) throw new Error('this command bus is already consuming');
    this.#handler = handler;
    await this.#transport.prepareConsumer();
    this.#consuming = true;
    this.#readLoop = this.#runReadLoop();
    const { claimIdleMs } = this.#options;
    this.#timers.push(
      setInterval(() => void this.#reclaim(), Math.max(claimIdleMs / 2, 10)),
      setInterval(() => void this.#keepAlive(), Math.max(claimIdleMs / 3, 10)),
    );
    // Commands another consumer left behind are worth taking at once, not after the first interval.
    void this.#reclaim();
  }

  public async close(): Promise<void> {
    this.#stopTimers();
    this.#consuming = false;
    this.#slotFreed?.();
    await this.#readLoop;
    await this.#queue.idle();
    for (const [id, waiters] of this.#waiters) {
      for (const waiter of waiters)
        waiter.resolve(err(commandError('timeout', 'the command bus was closed')));
      this.#waiters.delete(id);
    }
    await this.#transport.close();
  }

  /** Simulates a crash: connections dropped at once, nothing acknowledged. For tests. */
  public abandon(): void {
    this.#stopTimers();
    this.#consuming = false;
    this.#abandoned = true;
    this.#slotFreed?.();
    this.#transport.abandon();
  }

  #stopTimers(): void {
    for (const timer of this.#timers) clearInterval(timer);
    this.#timers = [];
  }

  #observe<T extends CommandType>(type: T, startedAt: number, outcome: CommandOutcome<T>): CommandOutcome<T> {
    const label = outcome.ok ? 'ok' : outcome.error.code;
    this.#metrics.requestDuration.observe({ type, outcome: label }, (performance.now() - startedAt) / 1_000);
    return outcome;
  }

  #listen(): Promise<void> {
    this.#listening ??= this.#transport.listenForReplies((text) => this.#onReply(text));
    return this.#listening;
  }

  #removeWaiter(id: string, waiter: Waiter): void {
    const list = this.#waiters.get(id);
    if (list === undefined) return;
    const rest = list.filter((entry) => entry !== waiter);
    if (rest.length === 0) this.#waiters.delete(id);
    else this.#waiters.set(id, rest);
  }

  #onReply(text: string): void {
    let reply: CommandReply;
    try {
      const decoded: unknown = JSON.parse(text);
      const id = (decoded as { id?: unknown } | null)?.id;
      if (typeof id !== 'string' || !this.#waiters.has(id)) return;
      reply = this.#options.validateReplies ? commandReplySchema.parse(decoded) : (decoded as CommandReply);
    } catch (error) {
      this.#metrics.dropped.inc({ channel: this.#channel, reason: 'malformed-reply' });
      this.#logger.warn({ err: error }, 'dropped a malformed reply');
      return;
    }
    const waiters = this.#waiters.get(reply.id) ?? [];
    this.#waiters.delete(reply.id);
    for (const waiter of waiters) waiter.resolve(this.#toOutcome(waiter.type, reply));
  }

  #toOutcome(type: CommandType, reply: CommandReply): CommandOutcome<CommandType> {
    if (!reply.ok) return err(reply.error);
    if (!this.#options.validateReplies) return ok(reply.result as never);
    const result = COMMAND_CONTRACTS[type].result.safeParse(reply.result);
    if (result.success) return ok(result.data);
    this.#logger.error({ commandId: reply.id, type }, 'reply breaks its result contract');
    return err(commandError('invalid', `the reply to "${type}" does not match its contract`));
  }

  async #runReadLoop(): Promise<void> {
    let failing = false;
    while (this.#consuming) {
      if (this.#queue.size >= this.#options.maxInFlight) {
        await new Promise<void>((resolve) => (this.#slotFreed = resolve));
        continue;
      }
      try {
        const deliveries = await this.#transport.read(this.#options.readCount, this.#options.blockMs);
        if (failing) this.#logger.info('command stream readable again');
        failing = false;
        for (const delivery of deliveries) this.#accept(delivery);
        // Let the commands just accepted start (and fast ones answer) before the next blocking read is written
        // to the socket: that write would otherwise sit on the critical path of every reply.
        if (deliveries.length > 0) await new Promise<void>((resolve) => setImmediate(resolve));
      } catch (error) {
        if (!this.#consuming) break;
        if (!failing) this.#logger.warn({ err: error }, 'cannot read the command stream, retrying');
        failing = true;
        await sleep(RETRY_DELAY_MS);
      }
    }
  }

  async #reclaim(): Promise<void> {
    if (!this.#consuming) return;
    try {
      const deliveries = await this.#transport.reclaim(this.#options.claimIdleMs, this.#options.readCount);
      for (const delivery of deliveries) if (!this.#held.has(delivery.deliveryId)) this.#accept(delivery);
    } catch (error) {
      this.#logger.debug({ err: error }, 'reclaim failed; will retry');
    }
  }

  async #keepAlive(): Promise<void> {
    if (this.#held.size === 0) return;
    try {
      await this.#transport.touch([...this.#held]);
    } catch (error) {
      this.#logger.debug({ err: error }, 'keep-alive of held commands failed; will retry');
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
      this.#metrics.dropped.inc({ channel: this.#channel, reason });
      this.#logger.warn(
        { deliveryId: delivery.deliveryId, commandId: id, reason, detail },
        'dropped a bad command',
      );
      this.#held.add(delivery.deliveryId);
      const settle =
        id === undefined
          ? () => this.#transport.drop(delivery.deliveryId)
          : () => this.#complete(delivery, id, errorReply(id, commandError('invalid', detail)));
      this.#queue.push(`#rejected`, () => this.#settle(delivery, settle));
      return;
    }
    const command = parsed.value;
    this.#held.add(delivery.deliveryId);
    this.#queue.push(command.guildId, () => this.#execute(delivery, command));
  }

  async #execute(delivery: Delivery, command: AnyCommand): Promise<void> {
    const labels = { channel: this.#channel, type: command.type };
    if (delivery.redelivered) {
      this.#metrics.redelivered.inc({ channel: this.#channel });
      const previous = await this.#retrying(() => this.#transport.completedReply(command.id));
      if (previous !== undefined) {
        await this.#settle(delivery, () =>
          this.#transport.complete(delivery.deliveryId, command.id, previous, this.#options.idempotencyTtlMs),
        );
        return;
      }
    }
    if (this.#abandoned) return;
    if (Date.now() > command.deadlineAt) {
      this.#metrics.expired.inc(labels);
      const late = Date.now() - command.deadlineAt;
      const reply = errorReply(
        command.id,
        commandError('expired', `"${command.type}" expired ${late} ms before it could run`),
      );
      await this.#settle(delivery, () => this.#complete(delivery, command.id, reply));
      return;
    }
    const outcome = await this.#run(command, delivery.redelivered);
    this.#metrics.consumed.inc(labels);
    const reply: CommandReply = outcome.ok
      ? { id: command.id, ok: true, result: outcome.value, repliedAt: Date.now() }
      : errorReply(command.id, outcome.error);
    await this.#settle(delivery, () => this.#complete(delivery, command.id, reply));
  }

  async #run(command: AnyCommand, redelivered: boolean): Promise<AnyCommandOutcome> {
    try {
      // #handler is set before the read loop starts.
      return await this.#handler!(command, { redelivered });
    } catch (error) {
      this.#metrics.failed.inc({ channel: this.#channel, type: command.type });
      this.#logger.error(
        { err: error, commandId: command.id, guildId: command.guildId, correlationId: command.correlationId },
        'command handler threw',
      );
      return err(commandError('internal', 'the command failed unexpectedly'));
    }
  }

  #complete(delivery: Delivery, commandId: string, reply: CommandReply): Promise<void> {
    return this.#transport.complete(
      delivery.deliveryId,
      commandId,
      JSON.stringify(reply),
      this.#options.idempotencyTtlMs,
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
        if (attempt === 0) this.#logger.warn({ err: error }, 'command stream write failed, retrying');
        await sleep(RETRY_DELAY_MS);
      }
    }
  }
}

function errorReply(id: string, error: CommandError): CommandReply {
  return { id, ok: false, error, repliedAt: Date.now() };
}

function tuning(options: Partial<CommandBusTuning>): Required<CommandBusTuning> {
  const resolved: Record<string, unknown> = { ...DefaultCommandBusOptions };
  for (const key of Object.keys(DefaultCommandBusOptions)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) resolved[key] = value;
  }
  // Every key of the defaults was copied and only overridden by a defined value of the same option.
  return resolved as unknown as Required<CommandBusTuning>;
}
