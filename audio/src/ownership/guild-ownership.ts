/**
 * Which audio replica drives which guild. Exactly one replica owns a guild at a time; the owner restores it,
 * executes its commands and writes its state. In-process (single replica) it is always this one; across
 * replicas it is a lease in Redis, renewed while alive and taken over once it expires.
 */
export interface GuildOwnership {
  /** Claims the guild (or confirms this replica has it); false when another live replica owns it. */
  claim(guildId: string): Promise<boolean>;
  /** Gives the guild up (the player left). */
  release(guildId: string): Promise<void>;
  /** Stops renewing; leases expire so other replicas take over. */
  close(): Promise<void>;
}

/** The single-replica ownership: this process owns every guild. */
export class LocalGuildOwnership implements GuildOwnership {
  public claim(): Promise<boolean> {
    return Promise.resolve(true);
  }

  public release(): Promise<void> {
    return Promise.resolve();
  }

  public close(): Promise<void> {
    return Promise.resolve();
  }
}
