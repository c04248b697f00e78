import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A Lua script run with EVALSHA, falling back to EVAL when the server does not know it yet (first use, or
 * after a Redis restart flushed the script cache).
 */
export class LuaScript {
  readonly #source: string;
  readonly #sha: string;
  readonly #keyCount: number;

  public constructor(source: string, keyCount: number) {
    this.#source = source;
    this.#sha = createHash('sha1').update(source).digest('hex');
    this.#keyCount = keyCount;
  }

  /** Runs the script with `keys` then `args`. */
  public async run(
    redis: Redis,
    keys: readonly string[],
    args: readonly (string | number)[],
  ): Promise<unknown> {
    if (keys.length !== this.#keyCount) throw new Error(`script expects ${this.#keyCount} keys`);
    try {
      return await redis.evalsha(this.#sha, this.#keyCount, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return await redis.eval(this.#source, this.#keyCount, ...keys, ...args);
    }
  }
}
