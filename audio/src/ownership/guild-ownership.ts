/**
 * Which audio replica drives which guild. Exactly one replica owns a guild at a time; the owner restores it,
 * executes its commands and writes its state. In-process (single replica) it is always this one; across
 * replicas it is a lease in Redis, renewed while alive and taken over once it expires.
 */
export interface GuildOwnership {
  /** Claims the guild (or confirms this replica has it); false when another live replica owns it. */
  claim(guildId: string): Promise<boolean>;
  /** The replica holding the guild, or null when none does (always this one in-process). */
  owner(guildId: string): Promise<string | null>;
  /** This replica's id. */
  readonly replicaId: string;
  /**
   * True while replica `replicaId` runs (its liveness is renewed with its leases); false within one lease of
   * its death. A command handed to a replica that is no longer alive is never answered by it.
   */
  alive(replicaId: string): Promise<boolean>;
  /** Gives the guild up (the player left). */
  release(guildId: string): Promise<void>;
  /** Stops renewing; leases expire so other replicas take over. */
  close(): Promise<void>;
}

/** The single-replica ownership: this process owns every guild. */
export class LocalGuildOwnership implements GuildOwnership {
  public readonly replicaId = 'local';

  public claim(): Promise<boolean> {
    return Promise.resolve(true);
  }

  public owner(): Promise<string | null> {
    return Promise.resolve(this.replicaId);
  }

  public alive(replicaId: string): Promise<boolean> {
    return Promise.resolve(replicaId === this.replicaId);
  }

  public release(): Promise<void> {
    return Promise.resolve();
  }

  public close(): Promise<void> {
    return Promise.resolve();
  }
}

/** What an ownership implementation asks of the service that uses it. */
export interface OwnershipHooks {
  /** False once the replica no longer drives the guild (its lease can go). */
  readonly wants: (guildId: string) => boolean;
  /** Another replica took the guild: stop driving it here. */
  readonly onLost: (guildId: string) => void;
}
