import type { Logger } from '@discord-bot/logger';
import type { PersistedPlayerState, PlayerState, PlayerStateRepository } from '@discord-bot/database';

/** Saved states read per page at start-up. */
const RESTORE_PAGE_SIZE = 200;

/**
 * Write-through of player state to the database. Saves of one guild are coalesced (only the newest waiting
 * state is written) and never overlap, so the database sees states in capture order; a delete waits for the
 * write in flight, so a late save cannot bring back a player that left.
 */
export class PlayerStore {
  readonly #pending = new Map<string, PlayerState>();
  readonly #writers = new Map<string, Promise<void>>();

  public constructor(
    private readonly repository: PlayerStateRepository,
    private readonly logger: Logger,
  ) {}

  /** Records `state` to be written as soon as the guild's previous write is done. */
  public save(state: PlayerState): void {
    this.#pending.set(state.guildId, state);
    if (!this.#writers.has(state.guildId)) this.#startWriter(state.guildId);
  }

  /** Forgets the guild's saved player. */
  public async delete(guildId: string): Promise<void> {
    this.#pending.delete(guildId);
    await this.#writers.get(guildId);
    try {
      await this.repository.delete(guildId);
    } catch (error) {
      this.logger.error({ err: error, guildId }, 'could not delete a saved player');
    }
  }

  /** Resolves when every recorded state is written. */
  public async flush(): Promise<void> {
    while (this.#writers.size > 0) await Promise.all([...this.#writers.values()]);
  }

  /** The guild's saved player, if any. */
  public find(guildId: string): Promise<PersistedPlayerState | undefined> {
    return this.repository.find(guildId);
  }

  /** Every saved player, for restoring at start. */
  public async all(): Promise<PersistedPlayerState[]> {
    const states: PersistedPlayerState[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await this.repository.list({
        limit: RESTORE_PAGE_SIZE,
        ...(after === undefined ? {} : { afterGuildId: after }),
      });
      states.push(...page);
      if (page.length < RESTORE_PAGE_SIZE) return states;
      after = page.at(-1)?.guildId;
    }
  }

  #startWriter(guildId: string): void {
    const writer = (async () => {
      for (let state = this.#pending.get(guildId); state !== undefined; state = this.#pending.get(guildId)) {
        this.#pending.delete(guildId);
        try {
          await this.repository.save(state);
        } catch (error) {
          this.logger.error({ err: error, guildId }, 'could not save a player state');
        }
      }
    })().finally(() => this.#writers.delete(guildId));
    this.#writers.set(guildId, writer);
  }
}
