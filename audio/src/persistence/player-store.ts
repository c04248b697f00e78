import type { Logger } from '@discord-bot/logger';
import type { PersistedPlayerState, PlayerState, PlayerStateRepository } from '@discord-bot/database';

/** Saved states read per page at start-up. */
const RESTORE_PAGE_SIZE = 200;

/** States of one guild written by one database write: the newest recorded replaces the ones before it. */
interface Batch {
  state: PlayerState;
  readonly written: Promise<void>;
  readonly release: () => void;
}

function newBatch(state: PlayerState): Batch {
  let release: () => void = () => undefined;
  const written = new Promise<void>((resolve) => (release = resolve));
  return { state, written, release };
}

/**
 * Write-through of player state to the database. Saves of one guild are coalesced (only the newest waiting
 * state is written) and never overlap, so the database sees states in capture order; {@link settled} says
 * when everything recorded so far is written, so a command is answered only once its change is durable. A
 * delete waits for the write in flight, so a late save cannot bring back a player that left.
 */
export class PlayerStore {
  /** The next write of each guild (the newest state recorded since the write in flight began). */
  readonly #pending = new Map<string, Batch>();
  readonly #inFlight = new Map<string, Batch>();
  readonly #writers = new Map<string, Promise<void>>();

  public constructor(
    private readonly repository: PlayerStateRepository,
    private readonly logger: Logger,
  ) {}

  /** Records `state` to be written as soon as the guild's previous write is done. */
  public save(state: PlayerState): void {
    const pending = this.#pending.get(state.guildId);
    if (pending === undefined) this.#pending.set(state.guildId, newBatch(state));
    else pending.state = state;
    if (!this.#writers.has(state.guildId)) this.#startWriter(state.guildId);
  }

  /**
   * Resolves once every state of the guild recorded so far is written (by its own write or a newer one's).
   * A failed write is logged and counts as done: a database outage must not hold every answer forever.
   */
  public settled(guildId: string): Promise<void> {
    return (this.#pending.get(guildId) ?? this.#inFlight.get(guildId))?.written ?? Promise.resolve();
  }

  /** Forgets the guild's saved player. */
  public async delete(guildId: string): Promise<void> {
    // The delete supersedes the state waiting to be written: whoever waits for it is done waiting.
    this.#pending.get(guildId)?.release();
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
      for (let batch = this.#pending.get(guildId); batch !== undefined; batch = this.#pending.get(guildId)) {
        this.#pending.delete(guildId);
        this.#inFlight.set(guildId, batch);
        try {
          await this.repository.save(batch.state);
        } catch (error) {
          this.logger.error({ err: error, guildId }, 'could not save a player state');
        } finally {
          this.#inFlight.delete(guildId);
          batch.release();
        }
      }
    })().finally(() => this.#writers.delete(guildId));
    this.#writers.set(guildId, writer);
  }
}
