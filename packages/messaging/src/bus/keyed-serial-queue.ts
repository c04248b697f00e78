/**
 * Runs tasks one at a time per key, in the order they were pushed, while different keys run in parallel.
 * The audio service's guild rule ("one guild's commands in arrival order") rests on it.
 */
export class KeyedSerialQueue {
  readonly #tails = new Map<string, Promise<void>>();
  #size = 0;
  #idleWaiters: (() => void)[] = [];

  /** Tasks queued or running. */
  public get size(): number {
    return this.#size;
  }

  /**
   * Queues `task` behind the earlier tasks of `key`, or starts it at once when there are none. The task must
   * not throw (it is the caller's boundary).
   */
  public push(key: string, task: () => Promise<void>): void {
    this.#size += 1;
    const previous = this.#tails.get(key);
    const done = () => {
      this.#size -= 1;
      if (this.#tails.get(key) === next) this.#tails.delete(key);
      if (this.#size === 0) for (const resolve of this.#idleWaiters.splice(0)) resolve();
    };
    const next: Promise<void> = (previous === undefined ? task() : previous.then(task)).then(done, done);
    this.#tails.set(key, next);
  }

  /** Resolves when no task is queued or running. */
  public async idle(): Promise<void> {
    if (this.#size === 0) return;
    await new Promise<void>((resolve) => this.#idleWaiters.push(resolve));
  }
}
