import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';
import type { NodeSessionStore } from '../lavalink/node-session-store.js';
import { replicaAliveKey } from '../ownership/replica-alive-key.js';

/** Options of {@link RedisNodeSessionStore}. */
export interface RedisNodeSessionStoreOptions {
  /** A connection of its own (not in subscriber mode); disconnected at close. */
  readonly redis: Redis;
  /** This process's unique id. */
  readonly replicaId: string;
  /** How long the node keeps a session whose client went away (Lavalink resume timeout). */
  readonly resumeTimeoutMs: number;
  /** How long this process counts as alive without renewing, and how often it renews. */
  readonly aliveMs: number;
  readonly renewEveryMs: number;
  readonly logger: Logger;
  readonly keyPrefix?: string;
}

/** How often `take` looks again while a previous process may still be dying. */
const TAKE_POLL_MS = 250;
/** A liveness TTL this much above where it would have run down to was renewed (round trips aside). */
const RENEWAL_SLACK_MS = 50;

/**
 * Node sessions in Redis, one record per node and process (`audio:node-session:<node>:<replica>`, living as
 * long as the node keeps a session after its client is gone), beside a liveness key per process renewed
 * while it runs. A starting process resumes only the session of a process that is gone: its liveness key has
 * expired (or stops being renewed within one lease), and `GETDEL` lets exactly one process have it.
 */
export class RedisNodeSessionStore implements NodeSessionStore {
  readonly #options: RedisNodeSessionStoreOptions;
  readonly #saved = new Map<string, string>();
  readonly #timer: NodeJS.Timeout;

  public constructor(options: RedisNodeSessionStoreOptions) {
    this.#options = options;
    void this.#renew();
    this.#timer = setInterval(() => void this.#renew(), options.renewEveryMs);
    this.#timer.unref();
  }

  public async take(nodeId: string): Promise<string | undefined> {
    const { redis, aliveMs, renewEveryMs, replicaId } = this.#options;
    const deadline = Date.now() + aliveMs + renewEveryMs;
    // First liveness TTL seen per candidate: one that has not run down since was renewed, so it is alive.
    const seen = new Map<string, { readonly ttl: number; readonly at: number }>();
    for (;;) {
      const keys = await this.#scan(`${this.#sessionKey(nodeId, '').replace(/[*?[\]\\]/g, '\\$&')}*`);
      let pending = false;
      for (const key of keys) {
        const owner = key.slice(this.#sessionKey(nodeId, '').length);
        if (owner === replicaId) continue;
        const ttl = await redis.pttl(this.#aliveKey(owner));
        if (ttl < 0) {
          const sessionId = await redis.getdel(key);
          if (sessionId !== null) return sessionId;
          continue;
        }
        const first = seen.get(owner);
        if (first === undefined) seen.set(owner, { ttl, at: Date.now() });
        const renewed = first !== undefined && ttl > first.ttl - (Date.now() - first.at) + RENEWAL_SLACK_MS;
        if (!renewed) pending = true;
      }
      if (!pending || Date.now() >= deadline) return undefined;
      await new Promise((resolve) => setTimeout(resolve, TAKE_POLL_MS));
    }
  }

  public async save(nodeId: string, sessionId: string): Promise<void> {
    this.#saved.set(nodeId, sessionId);
    const { redis, replicaId, resumeTimeoutMs } = this.#options;
    await redis.set(this.#sessionKey(nodeId, replicaId), sessionId, 'PX', resumeTimeoutMs);
  }

  public async close(): Promise<void> {
    clearInterval(this.#timer);
    const { redis, replicaId } = this.#options;
    // The session records stay: the next process resumes them at once, since this one is no longer alive.
    await redis.del(this.#aliveKey(replicaId)).catch(() => undefined);
    redis.disconnect();
  }

  async #renew(): Promise<void> {
    const { redis, replicaId, aliveMs, resumeTimeoutMs, logger } = this.#options;
    try {
      const batch = redis.multi().set(this.#aliveKey(replicaId), '1', 'PX', aliveMs);
      for (const [nodeId, sessionId] of this.#saved) {
        batch.set(this.#sessionKey(nodeId, replicaId), sessionId, 'PX', resumeTimeoutMs);
      }
      await batch.exec();
    } catch (error) {
      logger.warn({ err: error }, 'could not renew the node session records');
    }
  }

  async #scan(pattern: string): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, page] = await this.#options.redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100);
      cursor = next;
      keys.push(...page);
    } while (cursor !== '0');
    return keys;
  }

  #sessionKey(nodeId: string, replicaId: string): string {
    return `${this.#options.keyPrefix ?? ''}audio:node-session:${nodeId}:${replicaId}`;
  }

  #aliveKey(replicaId: string): string {
    return replicaAliveKey(replicaId, this.#options.keyPrefix);
  }
}
