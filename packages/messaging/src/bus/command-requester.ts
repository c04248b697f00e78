import { err, ok } from '@discord-bot/errors';
import { z } from 'zod';
import { commandError } from '../contracts/command-error.js';
import type { CommandOutcome } from '../contracts/command-outcome.js';
import { commandReplySchema, type CommandReply } from '../contracts/command-reply.js';
import {
  COMMAND_CONTRACTS,
  type CommandPayloadInput,
  type CommandType,
} from '../contracts/commands/index.js';
import { createEnvelope } from '../contracts/envelope.js';
import type { CommandSender, RequestOptions } from './command-bus.js';
import type { CommandBusContext } from './command-bus-context.js';

interface Waiter {
  readonly type: CommandType;
  readonly resolve: (outcome: CommandOutcome<CommandType>) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The sending half of a command bus: validates the payload, enqueues the command, and matches replies on
 * this sender's reply channel to the requests waiting for them, each with its own timeout.
 */
export class CommandRequester implements CommandSender {
  readonly #context: CommandBusContext;
  readonly #waiters = new Map<string, Waiter[]>();
  #listening: Promise<void> | undefined;
  /** Set once replies can no longer be missed: from then on a request enqueues without waiting. */
  #listened = false;

  public constructor(context: CommandBusContext) {
    this.#context = context;
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
    const timeoutMs = options.timeoutMs ?? this.#context.tuning.requestTimeoutMs;
    // A fresh envelope of our own: the deadline is added to it rather than copying it into another object.
    const command = Object.assign(createEnvelope(type, payloadCheck.data, options), {
      deadlineAt: options.deadlineAt ?? Date.now() + timeoutMs,
    });
    const { id } = command;
    const outcome = new Promise<CommandOutcome<CommandType>>((resolve) => {
      const waiter: Waiter = {
        type,
        resolve,
        timer: setTimeout(() => {
          this.#removeWaiter(id, waiter);
          resolve(err(commandError('timeout', `no reply to "${type}" within ${timeoutMs} ms`)));
        }, timeoutMs),
      };
      const list = this.#waiters.get(id);
      if (list === undefined) this.#waiters.set(id, [waiter]);
      else list.push(waiter);
    });

    const text = JSON.stringify(command);
    if (this.#listened) void this.#enqueue(type, id, text);
    else
      void this.#listen().then(
        () => this.#enqueue(type, id, text),
        (error: unknown) => {
          this.#context.logger.warn({ err: error, commandId: id, type }, 'cannot listen for replies');
        },
      );
    // The waiter was registered for this type; the reply was checked against this type's result schema.
    return this.#observe(type, startedAt, (await outcome) as CommandOutcome<T>);
  }

  /** Answers every request still waiting with `timeout` (the bus is closing). */
  public abandonWaiting(reason: string): void {
    for (const [id, waiters] of this.#waiters) {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.resolve(err(commandError('timeout', reason)));
      }
      this.#waiters.delete(id);
    }
  }

  #observe<T extends CommandType>(type: T, startedAt: number, outcome: CommandOutcome<T>): CommandOutcome<T> {
    const label = outcome.ok ? 'ok' : outcome.error.code;
    this.#context.metrics.requestDuration.observe(
      { type, outcome: label },
      (performance.now() - startedAt) / 1_000,
    );
    return outcome;
  }

  #listen(): Promise<void> {
    this.#listening ??= this.#context.transport
      .listenForReplies((text) => this.#onReply(text))
      .then(() => {
        this.#listened = true;
      });
    return this.#listening;
  }

  async #enqueue(type: CommandType, id: string, text: string): Promise<void> {
    try {
      const enqueued = await this.#context.transport.enqueue(id, text, this.#context.tuning.idempotencyTtlMs);
      this.#context.metrics.published.inc({ channel: this.#context.channel, type });
      if (enqueued.state === 'done') this.#onReply(enqueued.replyText);
    } catch (error) {
      // Left to the timeout: the caller gets the same typed answer as for a silent consumer.
      this.#context.logger.warn({ err: error, commandId: id, type }, 'could not enqueue command');
    }
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
      reply = this.#context.tuning.validateReplies
        ? commandReplySchema.parse(decoded)
        : (decoded as CommandReply);
    } catch (error) {
      this.#context.metrics.dropped.inc({ channel: this.#context.channel, reason: 'malformed-reply' });
      this.#context.logger.warn({ err: error }, 'dropped a malformed reply');
      return;
    }
    const waiters = this.#waiters.get(reply.id) ?? [];
    this.#waiters.delete(reply.id);
    for (const waiter of waiters) {
      clearTimeout(waiter.timer);
      waiter.resolve(this.#toOutcome(waiter.type, reply));
    }
  }

  #toOutcome(type: CommandType, reply: CommandReply): CommandOutcome<CommandType> {
    if (!reply.ok) return err(reply.error);
    if (!this.#context.tuning.validateReplies) return ok(reply.result as never);
    const result = COMMAND_CONTRACTS[type].result.safeParse(reply.result);
    if (result.success) return ok(result.data);
    this.#context.logger.error({ commandId: reply.id, type }, 'reply breaks its result contract');
    return err(commandError('invalid', `the reply to "${type}" does not match its contract`));
  }
}
