import type { DiscordConfig } from '@discord-bot/config';
import { Client, GatewayIntentBits, Options, type CacheFactory, type ClientOptions } from 'discord.js';

/**
 * Intents the bot needs: guilds (channels, roles) and voice states (who is in which channel). No message
 * content, no members, no presences: privileged intents are never requested.
 */
export const GATEWAY_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates] as const;

/**
 * Caches trimmed to what a music bot reads, so memory grows with voice activity, not with guild size:
 * guilds, channels (discord.js does not support limiting them), roles (an invoking member's roles resolve
 * through them for the DJ check) and voice states; no messages, presences, reactions, emojis, stickers,
 * threads or invites; members and users only for the bot itself (interactions carry the invoking member).
 */
function makeCache(): CacheFactory {
  const keepOnlySelf = {
    maxSize: 0,
    keepOverLimit: (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id,
  };
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    ApplicationCommandManager: 0,
    AutoModerationRuleManager: 0,
    BaseGuildEmojiManager: 0,
    DMMessageManager: 0,
    EntitlementManager: 0,
    GuildBanManager: 0,
    GuildEmojiManager: 0,
    GuildForumThreadManager: 0,
    GuildInviteManager: 0,
    GuildMessageManager: 0,
    GuildScheduledEventManager: 0,
    GuildStickerManager: 0,
    GuildTextThreadManager: 0,
    MessageManager: 0,
    PresenceManager: 0,
    ReactionManager: 0,
    ReactionUserManager: 0,
    StageInstanceManager: 0,
    ThreadManager: 0,
    ThreadMemberManager: 0,
    GuildMemberManager: keepOnlySelf,
    UserManager: keepOnlySelf,
  });
}

function sharding(config: DiscordConfig): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (config.shardCount === 'auto') return { shards: 'auto' };
  const all = Array.from({ length: config.shardCount }, (_, id) => id);
  return { shards: [...(config.shardIds ?? all)], shardCount: config.shardCount };
}

/** A discord.js client for the gateway: REST base from config (the simulator offline), minimal intents and caches. */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...GATEWAY_INTENTS],
    rest: { api: config.apiBase },
    makeCache: makeCache(),
    ...sharding(config),
  });
}
