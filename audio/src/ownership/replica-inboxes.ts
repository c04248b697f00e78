import type { CommandBus } from '@discord-bot/messaging';

/** Opens the command bus of replica `replicaId`'s inbox (a stream of its own). */
export type InboxOpener = (replicaId: string) => CommandBus;

/** A bus to another replica's inbox unused this long is closed (that replica is gone, or its guilds moved). */
const IDLE_INBOX_CLOSE_MS = 60_000;

/**
 * The inboxes of the audio replicas, one command bus each: a replica consumes its own and sends the commands
 * of guilds it does not drive to their owner's. Buses to other replicas are opened at first use and closed
 * once idle, so the inboxes of replicas that died do not pile up.
 */
export class ReplicaInboxes {
  readonly #open: InboxOpener;
  readonly #buses = new Map<string, { readonly bus: CommandBus; usedAt: number }>();
  readonly #sweep: NodeJS.Timeout;

  /**
   * @param replicaId this replica: its own inbox is never closed as idle.
   * @param open opens one inbox ({@link redisInboxOpener}, {@link inProcessInboxOpener}).
   */
  public constructor(
    public readonly replicaId: string,
    open: InboxOpener,
  ) {
    this.#open = open;
    this.#sweep = setInterval(() => void this.#closeIdle(), IDLE_INBOX_CLOSE_MS / 2);
    this.#sweep.unref();
  }

  /** The inbox of `replicaId` (this replica's own to consume, another's to send to). */
  public inbox(replicaId: string): CommandBus {
    let entry = this.#buses.get(replicaId);
    if (entry === undefined) {
      entry = { bus: this.#open(replicaId), usedAt: 0 };
      this.#buses.set(replicaId, entry);
    }
    entry.usedAt = Date.now();
    return entry.bus;
  }

  /** Closes every inbox: this replica's own after the commands it holds were answered. */
  public async close(): Promise<void> {
    clearInterval(this.#sweep);
    const buses = [...this.#buses.values()].map((entry) => entry.bus);
    this.#buses.clear();
    await Promise.all(buses.map((bus) => bus.close()));
  }

  async #closeIdle(): Promise<void> {
    const idleSince = Date.now() - IDLE_INBOX_CLOSE_MS;
    for (const [replicaId, entry] of this.#buses) {
      if (replicaId === this.replicaId || entry.usedAt > idleSince) continue;
      this.#buses.delete(replicaId);
      await entry.bus.close().catch(() => undefined);
    }
  }
}
