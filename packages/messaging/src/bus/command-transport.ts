/** One command as a consumer receives it from the transport. */
export interface Delivery {
  /** The transport's id of this entry (a Redis stream id): used to acknowledge it. */
  readonly deliveryId: string;
  /** The serialized command, not yet validated. */
  readonly text: string;
  /** True when this entry was handed out before (its first consumer died or did not acknowledge). */
  readonly redelivered: boolean;
}

/** What {@link CommandTransport.enqueue} did with a command. */
export type EnqueueOutcome =
  | { readonly state: 'queued' }
  /** The id was sent before and has not completed: the sender was added to the ones waiting for its reply. */
  | { readonly state: 'pending' }
  /** The id was sent before and completed: here is its reply, nothing was enqueued. */
  | { readonly state: 'done'; readonly replyText: string };

/**
 * The storage and delivery under a command bus: Redis Streams with a consumer group, or an in-process
 * equivalent. Everything above it (validation, ordering per guild, deadlines, replies, metrics) is shared,
 * so both transports behave the same way.
 */
export interface CommandTransport {
  /** Listens on this sender's reply channel; resolves once replies can no longer be missed. */
  listenForReplies(onReply: (text: string) => void): Promise<void>;
  /**
   * Records the command id (duplicate suppression), registers this sender as waiting for the reply, and
   * appends the command to the stream, atomically.
   */
  enqueue(commandId: string, text: string, idempotencyTtlMs: number): Promise<EnqueueOutcome>;

  /** Joins the consumer group (creating it when missing, from the start of the stream). */
  prepareConsumer(): Promise<void>;
  /** Waits up to `blockMs` for new commands. */
  read(count: number, blockMs: number): Promise<Delivery[]>;
  /**
   * The commands in this consumer's own pending entries that it was never given (a read reply lost with its
   * connection), in stream order, none twice: no one else would ever take them.
   */
  recoverPending(): Promise<Delivery[]>;
  /** Takes over commands another consumer (never this one) left pending for at least `minIdleMs`. */
  reclaim(minIdleMs: number, count: number): Promise<Delivery[]>;
  /** Tells the group these deliveries are still being worked on (resets their idle time). */
  touch(deliveryIds: readonly string[]): Promise<void>;
  /** The stored reply of a command that completed before, if any. */
  completedReply(commandId: string): Promise<string | undefined>;
  /**
   * Stores the reply for duplicates, then sends it to every waiting sender, and acknowledges the delivery
   * after (a redelivery before the acknowledgement finds the stored reply and replays it).
   */
  complete(deliveryId: string, commandId: string, replyText: string, idempotencyTtlMs: number): Promise<void>;
  /** Acknowledges a delivery that cannot be answered (no readable id). */
  drop(deliveryId: string): Promise<void>;
  /**
   * Takes back a command no consumer has received yet, atomically: it is removed and its id forgotten, so it
   * never runs. False when a consumer received it (it may be running or have run) or it was answered.
   */
  withdraw(commandId: string): Promise<boolean>;

  /** Releases connections after in-flight work has been settled by the caller. */
  close(): Promise<void>;
  /** Drops every connection at once without acknowledging anything: a crash, for tests. */
  abandon(): void;
}
