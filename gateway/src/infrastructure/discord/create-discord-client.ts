import type { DiscordConfig } from '@discord-bot/config';
import { Client, GatewayIntentBits, Options, type CacheFactory, type ClientOptions } from 'discord.js';

/**
 * Intents the bot needs: guilds (channels, roles) and voice states (who is in which channel). No message
 * content, no members, no presences: privileged intents are never requested.
 */
export const GATEWAY_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildVoiceStates] as const;

/**
 * Caches limited so the heap grows with voice activity, not with guilds: the gateway reads no guild, channel,
 * role, member or voice state from discord.js. Which guilds this process carries and who sits in which voice
 * channel come from its own `VoiceStateStore` (fed from the raw dispatches by `feedVoiceStates`); an
 * interaction carries the invoking member's roles and permissions raw; replies go through the interaction's
 * webhook, now-playing messages through REST by channel id. So guilds and channels are not cached at all, and
 * a guild discord.js builds from GUILD_CREATE (with its channels, roles, members and voice states) is garbage
 * as soon as the dispatch is handled.
 *
 * discord.js prints an `UnsupportedCacheOverwriteWarning` once each for `GuildManager` and `ChannelManager`
 * at start, and it is true: its guild and channel events, `interaction.guild`, `interaction.channel` and the
 * voice adapters see nothing. The gateway uses none of them (gateway/test/uncached-guilds.test.ts runs the
 * bot with these caches and checks they stay empty). Roles, guild channels, permission overwrites and voice
 * states are left alone: they live in the uncached guild only, and limiting them would warn for nothing.
 * Users are kept only for the bot itself (`client.user` is read from the cache).
 */
function makeCache(): CacheFactory {
  const keepOnlySelf = {
    maxSize: 0,
    keepOverLimit: (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id,
  };
  // discord.js's types leave these two out of the options (limiting them is unsupported, see above); its
  // cache factory honours them like any other manager.
  const unsupported = { GuildManager: 0, ChannelManager: 0 };
  return Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    ...unsupported,
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

/**
 * A discord.js client for the gateway: REST base from config (the simulator offline), minimal intents, no
 * guild caches. Pair it with a `VoiceStateStore` fed by `feedVoiceStates` before login.
 */
export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    intents: [...GATEWAY_INTENTS],
    rest: { api: config.apiBase },
    makeCache: makeCache(),
    ...sharding(config),
  });
}
