import { DISCORD_EPOCH_MS } from '../constants.js';

/** Issues Discord snowflakes: 42 bits of milliseconds since {@link DISCORD_EPOCH_MS}, then a 22-bit counter. */
export class SnowflakeGenerator {
  private lastMs = 0n;
  private increment = 0n;

  public constructor(private readonly now: () => number = Date.now) {}

  /** A new id, strictly greater than every id this generator issued before. */
  public next(): string {
    let ms = BigInt(this.now()) - DISCORD_EPOCH_MS;
    if (ms <= this.lastMs) {
      ms = this.lastMs;
      this.increment += 1n;
      if (this.increment >= 1n << 22n) {
        ms += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    return ((ms << 22n) | this.increment).toString();
  }
}

/** When a snowflake was issued, Unix milliseconds. */
export function snowflakeTimestamp(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

/** The shard a guild belongs to: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
