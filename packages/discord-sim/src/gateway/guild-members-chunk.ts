import type { JsonObject } from '../model/entities.js';
import { memberJson } from '../model/serialize.js';
import type { SimStore } from '../model/sim-store.js';

/** Most members one chunk answers (Discord sends at most 1,000 per chunk). */
const MAX_MEMBER_CHUNK = 1_000;

/**
 * The GUILD_MEMBERS_CHUNK answering op 8 (by username prefix `query` or `user_ids`), in one chunk; null when
 * the bot is not in the guild.
 */
export function guildMembersChunk(store: SimStore, botUserId: string, data: JsonObject): JsonObject | null {
  const guildId = String(data['guild_id']);
  if (store.member(guildId, botUserId) === undefined) return null;
  const query = typeof data['query'] === 'string' ? data['query'].toLowerCase() : '';
  const userIds = Array.isArray(data['user_ids']) ? (data['user_ids'] as unknown[]).map(String) : null;
  const limit = typeof data['limit'] === 'number' && data['limit'] > 0 ? data['limit'] : MAX_MEMBER_CHUNK;
  const members = store
    .guildMembers(guildId)
    .filter((m) => userIds === null || userIds.includes(m.userId))
    .filter((m) => (store.users.get(m.userId)?.username ?? '').toLowerCase().startsWith(query))
    .slice(0, Math.min(limit, MAX_MEMBER_CHUNK));
  const found = new Set(members.map((m) => m.userId));
  return {
    guild_id: guildId,
    members: members.map((m) => memberJson(store, m)),
    chunk_index: 0,
    chunk_count: 1,
    ...(userIds === null ? {} : { not_found: userIds.filter((id) => !found.has(id)) }),
    ...(data['nonce'] === undefined ? {} : { nonce: data['nonce'] }),
  };
}
