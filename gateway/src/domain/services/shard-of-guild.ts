/**
 * The shard that carries a guild: `(guild_id >> 22) % shard_count`, Discord's rule.
 *
 * @example
 * shardOfGuild('41771983423143937', 4) // 1
 */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(Math.max(1, shardCount)));
}
