/** Runs the latest render of one message; resolves when it has been sent (or failed). */
export type Flush = () => Promise<void>;

interface Slot {
  lastRunAt: number;
  pending: Flush | undefined;
  timer: NodeJS.Timeout | undefined;
  running: boolean;
}

/**
 * Coalesces edits per key (one message): the first change goes out at once, later changes within
 * `intervalMs` of the last edit collapse into one edit at the end of the interval, carrying only the latest
 * state. A message is therefore never edited more than once per interval, however many events arrive.
 */
export class EditCoalescer {
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #onError: (key: string, error: unknown) => void;
  readonly #slots = new Map<string, Slot>();

  public constructor(options: {
    intervalMs: number;
    now?: () => number;
    onError?: (key: string, error: unknown) => void;
  }) {
    this.#intervalMs = options.intervalMs;
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? (() => undefined);
  }

  /** Asks for `flush` to run for `key`: now if the interval allows, else once at the end of it. */
  public schedule(key: string, flush: Flush): void {
    let slot = this.#slots.get(key);
    if (slot === undefined) {
      slot = { lastRunAt: -Infinity, pending: undefined, timer: undefined, running: false };
      this.#slots.set(key, slot);
    }
    slot.pending = flush;
    this.#arm(key, slot);
  }

  /** Drops what is pending for `key` and forgets it (the message is gone or replaced). */
  public forget(key: string): void {
    const slot = this.#slots.get(key);
    clearTimeout(slot?.timer);
    this.#slots.delete(key);
  }

  /** Number of messages with an edit waiting. */
  public get pendingCount(): number {
    let count = 0;
    for (const slot of this.#slots.values()) if (slot.pending !== undefined) count += 1;
    return count;
  }

  /** Cancels every pending edit. */
  public close(): void {
    for (const slot of this.#slots.values()) clearTimeout(slot.timer);
    this.#slots.clear();
  }

  #arm(key: string, slot: Slot): void {
    if (slot.running || slot.timer !== undefined || slot.pending === undefined) return;
    const wait = slot.lastRunAt + this.#intervalMs - this.#now();
    if (wait <= 0) {
      void this.#run(key, slot);
      return;
    }
    slot.timer = setTimeout(() => {
      slot.timer = undefined;
      void this.#run(key, slot);
    }, wait);
  }

  async #run(key: string, slot: Slot): Promise<void> {
    const flush = slot.pending;
    if (flush === undefined || this.#slots.get(key) !== slot) return;
    slot.pending = undefined;
    slot.running = true;
    slot.lastRunAt = this.#now();
    try {
      await flush();
    } catch (error) {
      this.#onError(key, error);
    } finally {
      slot.running = false;
      if (this.#slots.get(key) === slot) this.#arm(key, slot);
    }
  }
}
