/** Why a player left on its own. */
export type InactivityReason = 'idle' | 'alone';

/**
 * The two leave timers of each guild: idle (nothing left to play) and alone (no listener in the channel).
 * Each fires once unless cancelled; the engine decides, under the guild mutex, whether to leave.
 */
export class InactivityTimers {
  readonly #timers = new Map<string, NodeJS.Timeout>();

  public constructor(
    private readonly delays: Readonly<Record<InactivityReason, number>>,
    private readonly onExpire: (guildId: string, reason: InactivityReason) => void,
  ) {}

  public start(guildId: string, reason: InactivityReason): void {
    const key = `${reason}:${guildId}`;
    if (this.#timers.has(key)) return;
    const timer = setTimeout(() => {
      this.#timers.delete(key);
      this.onExpire(guildId, reason);
    }, this.delays[reason]);
    timer.unref();
    this.#timers.set(key, timer);
  }

  public cancel(guildId: string, reason: InactivityReason): void {
    const key = `${reason}:${guildId}`;
    clearTimeout(this.#timers.get(key));
    this.#timers.delete(key);
  }

  public clear(guildId: string): void {
    this.cancel(guildId, 'idle');
    this.cancel(guildId, 'alone');
  }

  public clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
