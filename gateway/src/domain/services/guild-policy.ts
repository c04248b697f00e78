import type { GuildPolicy } from '@discord-bot/commands';
import { GUILD_POLICY_CACHE_MS } from '../../constants.js';

/** Reads a guild's DJ role (from the guild settings). */
export type DjRoleSource = (guildId: string) => Promise<string | null>;

/**
 * A {@link GuildPolicy} that caches each guild's DJ role for a short time: a permission check runs on every
 * command and button, the setting changes rarely.
 */
export function cachedGuildPolicy(
  source: DjRoleSource,
  ttlMs = GUILD_POLICY_CACHE_MS,
  now: () => number = Date.now,
): GuildPolicy {
  const cache = new Map<string, { value: string | null; until: number }>();
  return {
    async djRoleId(guildId) {
      const hit = cache.get(guildId);
      if (hit !== undefined && hit.until > now()) return hit.value;
      const value = await source(guildId);
      cache.set(guildId, { value, until: now() + ttlMs });
      return value;
    },
  };
}
