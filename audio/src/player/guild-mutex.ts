/**
 * One guild's changes one at a time, in arrival order: commands, node events and timers all go through it,
 * so a track ending while a `skip` runs cannot advance the queue twice.
 */
export class GuildMutex {
  readonly #tails = new Map<string, Promise<unknown>>();

  /** Runs `task` after the guild's earlier tasks; its result or error is the caller's. */
  public run<T>(guildId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(guildId) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(guildId, tail);
    void tail.then(() => {
      if (this.#tails.get(guildId) === tail) this.#tails.delete(guildId);
    });
    return result;
  }
}
