import type { Delivery, EnqueueOutcome } from '../bus/command-transport.js';

interface Entry {
  readonly deliveryId: string;
  readonly text: string;
  consumer: string | undefined;
  deliveredAt: number;
  deliveries: number;
  /** Whether its consumer was given it (a read or claim reply), not just made to hold it. */
  announced: boolean;
}

/** Enqueues between two sweeps of expired idempotency records. */
const RECORD_SWEEP_EVERY = 1_024;

interface CommandRecord {
  readonly reply: string | undefined;
  readonly expiresAt: number;
  /** The entry the command was enqueued as (while not answered). */
  readonly deliveryId?: string;
}

/**
 * The in-process stand-in for one Redis holding one command stream: what a consumer group, pending entries,
 * idempotency records and reply channels do there, it does in memory. Every in-process command bus of a
 * process shares one broker, as every Redis command bus shares one Redis.
 */
export class InProcessCommandBroker {
  /** Entries not yet answered, in arrival order (a Map keeps insertion order). */
  readonly #entries = new Map<string, Entry>();
  readonly #records = new Map<string, CommandRecord>();
  readonly #waiters = new Map<string, Set<string>>();
  readonly #replyListeners = new Map<string, (text: string) => void>();
  readonly #readWakers = new Set<() => void>();
  #sequence = 0;

  /** Commands waiting or being executed (for tests and diagnostics). */
  public get size(): number {
    return this.#entries.size;
  }

  public listen(replyChannel: string, onReply: (text: string) => void): void {
    this.#replyListeners.set(replyChannel, onReply);
  }

  public unlisten(replyChannel: string): void {
    this.#replyListeners.delete(replyChannel);
  }

  public enqueue(commandId: string, replyChannel: string, text: string, ttlMs: number): EnqueueOutcome {
    const record = this.#record(commandId);
    if (record?.reply !== undefined) return { state: 'done', replyText: record.reply };
    const waiters = this.#waiters.get(commandId) ?? new Set<string>();
    waiters.add(replyChannel);
    this.#waiters.set(commandId, waiters);
    if (record !== undefined) return { state: 'pending' };
    this.#sequence += 1;
    if (this.#sequence % RECORD_SWEEP_EVERY === 0) this.#sweepRecords();
    const deliveryId = `${Date.now()}-${this.#sequence}`;
    this.#records.set(commandId, { reply: undefined, expiresAt: Date.now() + ttlMs, deliveryId });
    this.#append(deliveryId, text);
    for (const wake of this.#readWakers) wake();
    return { state: 'queued' };
  }

  /** The commands `consumer` holds but was never given (what a lost read reply leaves), in order. */
  public takeUnannounced(consumer: string): Delivery[] {
    const taken: Delivery[] = [];
    for (const entry of this.#entries.values()) {
      if (entry.consumer !== consumer || entry.announced) continue;
      entry.announced = true;
      taken.push({ deliveryId: entry.deliveryId, text: entry.text, redelivered: false });
    }
    return taken;
  }

  /**
   * Appends `text` and makes `consumer` hold it without giving it: what a read whose reply was lost leaves
   * behind (as a raw XADD + XREADGROUP under the consumer's name would in Redis). For tests.
   */
  public strand(consumer: string, text: string): void {
    this.#sequence += 1;
    const entry = this.#append(`${Date.now()}-${this.#sequence}`, text);
    entry.consumer = consumer;
    entry.deliveredAt = Date.now();
    entry.deliveries = 1;
  }

  /** Hands out up to `count` entries never delivered, waiting up to `blockMs` for one to arrive. */
  public async read(
    consumer: string,
    count: number,
    blockMs: number,
    signal: AbortSignal,
  ): Promise<Delivery[]> {
    const ready = this.#takeNew(consumer, count);
    if (ready.length > 0 || blockMs <= 0 || signal.aborted) return ready;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#readWakers.delete(done);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, blockMs);
      this.#readWakers.add(done);
      signal.addEventListener('abort', done);
    });
    return signal.aborted ? [] : this.#takeNew(consumer, count);
  }

  /** Like XPENDING IDLE + XCLAIM: takes over other consumers' entries idle at least `minIdleMs`. */
  public reclaim(consumer: string, minIdleMs: number, count: number): Delivery[] {
    const now = Date.now();
    const claimed: Delivery[] = [];
    for (const entry of this.#entries.values()) {
      if (claimed.length >= count) break;
      if (
        entry.consumer === undefined ||
        entry.consumer === consumer ||
        now - entry.deliveredAt < minIdleMs
      ) {
        continue;
      }
      entry.consumer = consumer;
      entry.deliveredAt = now;
      entry.deliveries += 1;
      entry.announced = true;
      claimed.push({ deliveryId: entry.deliveryId, text: entry.text, redelivered: true });
    }
    return claimed;
  }

  /** Like XCLAIM JUSTID with idle 0: the entries stay with `consumer`, their idle time restarts. */
  public touch(consumer: string, deliveryIds: readonly string[]): void {
    const now = Date.now();
    for (const id of deliveryIds) {
      const entry = this.#entries.get(id);
      if (entry?.consumer === consumer) entry.deliveredAt = now;
    }
  }

  public completedReply(commandId: string): string | undefined {
    return this.#record(commandId)?.reply;
  }

  public complete(deliveryId: string, commandId: string, replyText: string, ttlMs: number): void {
    // Re-inserted at the end: records stay in expiry order for the sweep.
    this.#records.delete(commandId);
    this.#records.set(commandId, { reply: replyText, expiresAt: Date.now() + ttlMs });
    const waiters = this.#waiters.get(commandId) ?? new Set<string>();
    this.#waiters.delete(commandId);
    this.#entries.delete(deliveryId);
    for (const channel of waiters) {
      const listener = this.#replyListeners.get(channel);
      // Asynchronous like a network hop, so a reply never runs inside the consumer's call stack.
      if (listener !== undefined) queueMicrotask(() => listener(replyText));
    }
  }

  public drop(deliveryId: string): void {
    this.#entries.delete(deliveryId);
  }

  /** Removes a command no consumer has received; false when one has (or it was answered). */
  public withdraw(commandId: string): boolean {
    const record = this.#record(commandId);
    if (record === undefined || record.reply !== undefined || record.deliveryId === undefined) return false;
    const entry = this.#entries.get(record.deliveryId);
    if (entry !== undefined && entry.deliveries > 0) return false;
    this.#entries.delete(record.deliveryId);
    this.#records.delete(commandId);
    this.#waiters.delete(commandId);
    return true;
  }

  #takeNew(consumer: string, count: number): Delivery[] {
    const taken: Delivery[] = [];
    const now = Date.now();
    for (const entry of this.#entries.values()) {
      if (taken.length >= count) break;
      if (entry.deliveries > 0) continue;
      entry.consumer = consumer;
      entry.deliveredAt = now;
      entry.deliveries = 1;
      entry.announced = true;
      taken.push({ deliveryId: entry.deliveryId, text: entry.text, redelivered: false });
    }
    return taken;
  }

  #append(deliveryId: string, text: string): Entry {
    const entry: Entry = {
      deliveryId,
      text,
      consumer: undefined,
      deliveredAt: 0,
      deliveries: 0,
      announced: false,
    };
    this.#entries.set(deliveryId, entry);
    return entry;
  }

  /**
   * Forgets expired records, as Redis expires keys: a long-running single-node process must not grow. Records
   * are kept in the order they expire (same time to live), so the sweep stops at the first one still valid.
   */
  #sweepRecords(): void {
    const now = Date.now();
    for (const [id, record] of this.#records) {
      if (record.expiresAt > now) break;
      this.#records.delete(id);
    }
  }

  #record(commandId: string): CommandRecord | undefined {
    const record = this.#records.get(commandId);
    if (record !== undefined && record.expiresAt <= Date.now()) {
      this.#records.delete(commandId);
      return undefined;
    }
    return record;
  }
}
