import { randomUUID } from 'node:crypto';
import { err } from '@discord-bot/errors';
import type { Logger } from '@discord-bot/logger';
import {
  userCommandError,
  type AnyCommand,
  type AnyCommandOutcome,
  type CommandHandler,
} from '@discord-bot/messaging';
import type { Redis } from 'ioredis';

interface Forwarded {
  readonly requestId: string;
  readonly replyTo: string;
  readonly command: AnyCommand;
}

interface Reply {
  readonly requestId: string;
  readonly outcome: AnyCommandOutcome;
}

/**
 * Hands a command to the replica that owns its guild (Redis pub/sub, request/reply): the command stream is
 * shared by every replica, so any replica may read a command for a guild another one drives.
 */
export class CommandForwarder {
  readonly #pending = new Map<string, (outcome: AnyCommandOutcome) => void>();
  readonly #subscriber: Redis;
  readonly #publisher: Redis;

  public constructor(
    redis: Redis,
    private readonly replicaId: string,
    private readonly logger: Logger,
  ) {
    this.#subscriber = redis.duplicate();
    this.#publisher = redis.duplicate();
  }

  /** Starts serving commands forwarded to this replica with `handler`, and listening for replies. */
  public async start(handler: CommandHandler): Promise<void> {
    this.#subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.#replies()) {
        const reply = JSON.parse(text) as Reply;
        this.#pending.get(reply.requestId)?.(reply.outcome);
        this.#pending.delete(reply.requestId);
        return;
      }
      const request = JSON.parse(text) as Forwarded;
      void handler(request.command, { redelivered: false })
        .catch(() => err(userCommandError('INTERNAL')))
        .then((outcome) =>
          this.#publisher.publish(request.replyTo, JSON.stringify({ requestId: request.requestId, outcome })),
        )
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not answer a forwarded command'));
    });
    await this.#subscriber.subscribe(this.#inbox(this.replicaId), this.#replies());
  }

  /** Sends `command` to replica `owner`; undefined when no answer came within `timeoutMs` (it may be dead). */
  public async forward(
    owner: string,
    command: AnyCommand,
    timeoutMs: number,
  ): Promise<AnyCommandOutcome | undefined> {
    const requestId = randomUUID();
    const answered = new Promise<AnyCommandOutcome | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(requestId);
        resolve(undefined);
      }, timeoutMs);
      this.#pending.set(requestId, (outcome) => {
        clearTimeout(timer);
        resolve(outcome);
      });
    });
    const message: Forwarded = { requestId, replyTo: this.#replies(), command };
    await this.#publisher.publish(this.#inbox(owner), JSON.stringify(message));
    return answered;
  }

  public close(): void {
    this.#subscriber.disconnect();
    this.#publisher.disconnect();
  }

  #inbox(replicaId: string): string {
    return `audio:replica:${replicaId}`;
  }

  #replies(): string {
    return `audio:replica:${this.replicaId}:replies`;
  }
}
