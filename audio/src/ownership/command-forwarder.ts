import type { Logger } from '@discord-bot/logger';
import type { AnyCommand, AnyCommandOutcome, CommandHandler } from '@discord-bot/messaging';
import type { GuildOwnership } from './guild-ownership.js';
import type { ReplicaInboxes } from './replica-inboxes.js';

/**
 * How long one wait for a forwarded command's answer lasts before the owner's liveness is looked at again.
 * Waiting again sends nothing new: the inbox knows the command id and adds this replica to its waiters.
 */
export const FORWARD_ATTEMPT_MS = 1_500;

/**
 * A command that started before its deadline may run past it (a slow search, a node request): its answer is
 * awaited this long after the deadline before the forwarder gives up on a live but silent owner.
 */
export const FORWARD_OVERRUN_MS = 60_000;

/** How a forwarded command ended. */
export type ForwardResult =
  /** The owner ran it (or refused it, or it expired there): this is its answer. */
  | { readonly kind: 'answered'; readonly outcome: AnyCommandOutcome }
  /** The owner died before receiving it; it was taken back from its inbox and never runs there. */
  | { readonly kind: 'withdrawn' }
  /** The owner died after receiving it: it may have run, so it must not run anywhere else. */
  | { readonly kind: 'lost' };

/** Options of {@link CommandForwarder}. */
export interface CommandForwarderOptions {
  readonly inboxes: ReplicaInboxes;
  /** Says whether the replica a command was handed to still lives. */
  readonly ownership: GuildOwnership;
  readonly logger: Logger;
  /** One wait for an answer ({@link FORWARD_ATTEMPT_MS} unless a test shortens it). */
  readonly attemptMs?: number;
}

/**
 * Hands a command to the replica that drives its guild through that replica's inbox: a command bus of its
 * own, so the forwarded command gets everything the bus guarantees. It keeps its id (a second forward of the
 * same id is not run again: the sender joins the ones waiting, or gets the stored answer), its deadline (not
 * started in time: answered `expired` by the owner, not run late) and its place in the owner's per-guild
 * order. The forwarder waits for the answer as long as the owner lives, so a slow command runs once and its
 * one answer reaches the sender.
 */
export class CommandForwarder {
  readonly #inboxes: ReplicaInboxes;
  readonly #ownership: GuildOwnership;
  readonly #logger: Logger;
  readonly #attemptMs: number;

  public constructor(options: CommandForwarderOptions) {
    this.#inboxes = options.inboxes;
    this.#ownership = options.ownership;
    this.#logger = options.logger;
    this.#attemptMs = options.attemptMs ?? FORWARD_ATTEMPT_MS;
  }

  /** Starts running the commands of this replica's inbox with `handler`. */
  public async start(handler: CommandHandler): Promise<void> {
    await this.#inboxes.inbox(this.#inboxes.replicaId).consume(handler);
  }

  /**
   * Runs `command` on replica `owner` (this one included) and answers what it answered. When the owner dies
   * first, the command is taken back from its inbox if it never received it (`withdrawn`: it never runs
   * there, route it again); if it did, it may have run, so it is `lost` rather than run a second time.
   */
  public async forward(owner: string, command: AnyCommand): Promise<ForwardResult> {
    for (;;) {
      const outcome = await this.#send(owner, command);
      if (outcome.ok || outcome.error.code !== 'timeout') return { kind: 'answered', outcome };
      if (!(await this.alive(owner))) {
        const withdrawn = await this.#inboxes.inbox(owner).withdraw(command.id);
        this.#logger.warn(
          { guildId: command.guildId, commandId: command.id, owner, type: command.type, withdrawn },
          withdrawn
            ? 'the replica a command was handed to died before taking it: it goes elsewhere'
            : 'the replica a command was handed to died while holding it: it is not run again',
        );
        return { kind: withdrawn ? 'withdrawn' : 'lost' };
      }
      if (Date.now() > command.deadlineAt + FORWARD_OVERRUN_MS) return { kind: 'answered', outcome };
    }
  }

  /** True while replica `replicaId` runs; true as well when that cannot be told right now (Redis down). */
  public async alive(replicaId: string): Promise<boolean> {
    try {
      return await this.#ownership.alive(replicaId);
    } catch (error) {
      // Rather keep waiting for a command that may be running than give up on it.
      this.#logger.debug({ err: error, replicaId }, 'could not check whether a replica is alive');
      return true;
    }
  }

  /** Closes the inboxes (this replica's own after the commands it holds were answered). */
  public close(): Promise<void> {
    return this.#inboxes.close();
  }

  #send(owner: string, command: AnyCommand): Promise<AnyCommandOutcome> {
    const { id, type, guildId, correlationId, traceparent, deadlineAt, payload } = command;
    const options = {
      id,
      guildId,
      correlationId,
      deadlineAt,
      timeoutMs: this.#attemptMs,
      ...(traceparent === undefined ? {} : { traceparent }),
    };
    // `payload` is `type`'s own (parsed, so valid again) and so is the answer: TypeScript cannot correlate the
    // members of the union.
    return this.#inboxes.inbox(owner).request(type, payload, options) as Promise<AnyCommandOutcome>;
  }
}
