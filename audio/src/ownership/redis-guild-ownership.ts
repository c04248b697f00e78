import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { GuildOwnership } from './guild-ownership.js';
import { replicaAliveKey } from './replica-alive-key.js';

/** Options of {@link RedisGuildOwnership}. */
export interface RedisGuildOwnershipOptions {
  /** A connection of its own (not in subscriber mode). */
  readonly redis: Redis;
  /** This replica's unique id. */
  readonly replicaId: string;
  /** How long a lease lives without renewal: a dead replica's guilds are free after this. */
  readonly leaseMs: number;
  /** How often leases are renewed (well under `leaseMs`). */
  readonly renewEveryMs: number;
  readonly logger: Logger;
  /** Called when a lease was lost (another replica took the guild): stop driving it. */
  readonly onLost: (guildId: string) => void;
  /** False when this replica no longer drives the guild (its player left): the lease is released. */
  readonly wants: (guildId: string) => boolean;
  readonly keyPrefix?: string;
}

/** Renews a lease only if this replica still holds it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
/** Deletes a lease only if this replica holds it. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Guild ownership across audio replicas: a lease per guild in Redis (`SET NX PX`), renewed while this replica
 * lives, beside a liveness key of the replica (`audio:replica-alive:<replica>`) renewed with them. When a
 * replica dies its leases and its liveness expire together and another replica claims the guilds (and
 * restores them).
 */
export class RedisGuildOwnership implements GuildOwnership {
  readonly #options: RedisGuildOwnershipOptions;
  readonly #owned = new Set<string>();
  readonly #timer: NodeJS.Timeout;

  public constructor(options: RedisGuildOwnershipOptions) {
    this.#options = options;
    void this.#renewAlive();
    this.#timer = setInterval(() => void this.#renewAll(), options.renewEveryMs);
    this.#timer.unref();
  }

  public get replicaId(): string {
    return this.#options.replicaId;
  }

  public async claim(guildId: string): Promise<boolean> {
    const { redis, replicaId, leaseMs } = this.#options;
    const key = this.#key(guildId);
    const set = await redis.set(key, replicaId, 'PX', leaseMs, 'NX');
    if (set === 'OK' || (await redis.eval(RENEW, 1, key, replicaId, leaseMs)) === 1) {
      this.#owned.add(guildId);
      return true;
    }
    return false;
  }

  /** The replica holding the guild's lease, if any. */
  public owner(guildId: string): Promise<string | null> {
    return this.#options.redis.get(this.#key(guildId));
  }

  public async alive(replicaId: string): Promise<boolean> {
    if (replicaId === this.#options.replicaId) return true;
    return (await this.#options.redis.exists(replicaAliveKey(replicaId, this.#options.keyPrefix))) === 1;
  }

  public async release(guildId: string): Promise<void> {
    this.#owned.delete(guildId);
    await this.#options.redis.eval(RELEASE, 1, this.#key(guildId), this.#options.replicaId);
  }

  public async close(): Promise<void> {
    clearInterval(this.#timer);
    // Free the guilds at once: another replica restores them without waiting for the leases to expire.
    await Promise.all([...this.#owned].map((guildId) => this.release(guildId).catch(() => undefined)));
    await this.#options.redis
      .del(replicaAliveKey(this.#options.replicaId, this.#options.keyPrefix))
      .catch(() => undefined);
    this.#options.redis.disconnect();
  }

  async #renewAlive(): Promise<void> {
    const { redis, replicaId, leaseMs, keyPrefix, logger } = this.#options;
    try {
      await redis.set(replicaAliveKey(replicaId, keyPrefix), '1', 'PX', leaseMs);
    } catch (error) {
      logger.warn({ err: error }, 'could not renew the liveness of this replica');
    }
  }

  async #renewAll(): Promise<void> {
    const { redis, replicaId, leaseMs, logger, onLost, wants } = this.#options;
    await this.#renewAlive();
    for (const guildId of [...this.#owned]) {
      try {
        if (!wants(guildId)) {
          await this.release(guildId);
          continue;
        }
        const renewed = await redis.eval(RENEW, 1, this.#key(guildId), replicaId, leaseMs);
        if (renewed !== 1) {
          this.#owned.delete(guildId);
          logger.warn({ guildId }, 'lost the lease of a guild');
          onLost(guildId);
        }
      } catch (error) {
        logger.warn({ err: error, guildId }, 'could not renew a guild lease');
      }
    }
  }

  #key(guildId: string): string {
    return `${this.#options.keyPrefix ?? ''}audio:owner:${guildId}`;
  }
}
