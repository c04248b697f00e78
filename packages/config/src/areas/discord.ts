import { z } from 'zod';
import { integerField, listField, snowflakeField, textField, urlField } from '../fields.js';

/** Discord's REST base; discord.js appends the API version. */
export const DEFAULT_DISCORD_API_BASE = 'https://discord.com/api';

/** Most shards one process is allowed to claim; Discord's own limits are far above a sane deployment. */
const MAX_SHARDS = 4_096;

const TOKEN_HINT = [
  'Get a token: https://discord.com/developers/applications -> your application -> Bot -> Reset Token,',
  'then put it in .env as DISCORD_TOKEN=<token>.',
  'To try the bot offline instead, run `npm run sim`, then start with DISCORD_API_BASE set to the',
  'address it prints (and any token), or run `npm run sandbox`: simulator, bot and test tracks in one go.',
].join('\n');

const tokenMeta = {
  description: 'Bot token from the Discord developer portal (Bot -> Reset Token).',
  example: '<your bot token>',
  secret: true,
  hint: TOKEN_HINT,
} as const;

const optionalDiscordFields = {
  DISCORD_API_BASE: urlField(['http', 'https']).prefault(DEFAULT_DISCORD_API_BASE).meta({
    description: 'Discord REST base URL; point it at the simulator to run offline.',
    example: 'http://127.0.0.1:8787/api',
  }),
  DISCORD_APPLICATION_ID: snowflakeField().optional().meta({
    description: 'Application id; read from Discord at login when absent.',
    example: '123456789012345678',
    defaultText: 'from Discord',
  }),
  SHARD_COUNT: z
    .union([z.literal('auto'), integerField(1, MAX_SHARDS)], {
      error: `must be auto or a whole number from 1 to ${MAX_SHARDS}`,
    })
    .prefault('auto')
    .meta({ description: 'Total shards across all gateway processes; `auto` asks Discord.', example: '4' }),
  SHARD_IDS: listField('a shard number', (item) => /^\d{1,4}$/.test(item))
    .transform((ids) => ids.map(Number))
    .optional()
    .meta({
      description: 'Comma-separated shards this gateway process runs (needs a numeric SHARD_COUNT).',
      example: '0,1',
      defaultText: 'all shards',
    }),
  DEV_GUILD_ID: snowflakeField().optional().meta({
    description: 'Register slash commands in this guild only (instant updates while developing).',
    example: '123456789012345678',
    defaultText: 'global registration',
  }),
};

/**
 * What the audio service needs of Discord: only the bot's user id (Lavalink's `User-Id`), from
 * DISCORD_APPLICATION_ID or read out of a DISCORD_TOKEN (a bot token starts with its base64 user id).
 */
export const discordIdentityShape = {
  DISCORD_APPLICATION_ID: optionalDiscordFields.DISCORD_APPLICATION_ID,
  DISCORD_TOKEN: textField().optional().meta(tokenMeta),
};

/** The bot user id a Discord bot token carries in its first segment, or undefined when it carries none. */
export function userIdFromToken(token: string | undefined): string | undefined {
  const head = token?.split('.')[0];
  if (head === undefined || head === '') return undefined;
  const decoded = Buffer.from(head, 'base64').toString('utf8');
  return /^\d{15,20}$/.test(decoded) ? decoded : undefined;
}

/** The bot's user id: the application id when set (a bot user shares its application's id), else the token's. */
export function botUserIdOf(discord: {
  readonly applicationId?: string | undefined;
  readonly token?: string | undefined;
}): string | undefined {
  return discord.applicationId ?? userIdFromToken(discord.token);
}

/** Discord variables where the token is required (gateway, single-node). */
export const discordShape = { DISCORD_TOKEN: textField().meta(tokenMeta), ...optionalDiscordFields };

/** Discord's settings: `config.discord`. */
export interface DiscordConfig {
  readonly token: string;
  readonly apiBase: string;
  readonly applicationId: string | undefined;
  readonly shardCount: number | 'auto';
  /** Shards this process runs; `undefined` means all of them. */
  readonly shardIds: readonly number[] | undefined;
  readonly devGuildId: string | undefined;
}

interface DiscordEnv {
  readonly DISCORD_TOKEN: string;
  readonly DISCORD_API_BASE: string;
  readonly DISCORD_APPLICATION_ID?: string | undefined;
  readonly SHARD_COUNT: number | 'auto';
  readonly SHARD_IDS?: number[] | undefined;
  readonly DEV_GUILD_ID?: string | undefined;
}

/** Cross-variable rule: SHARD_IDS needs a numeric SHARD_COUNT and every id below it. */
export function checkShards(env: Partial<DiscordEnv>, ctx: z.RefinementCtx): void {
  const { SHARD_IDS: ids, SHARD_COUNT: count } = env;
  if (ids === undefined || count === undefined) return;
  if (count === 'auto') {
    ctx.addIssue({ code: 'custom', path: ['SHARD_IDS'], message: 'needs SHARD_COUNT set to a number' });
  } else if (ids.some((id) => id >= count)) {
    ctx.addIssue({
      code: 'custom',
      path: ['SHARD_IDS'],
      message: `every shard must be below SHARD_COUNT (0 to ${count - 1})`,
    });
  }
}

/** Builds {@link DiscordConfig} from parsed variables. */
export function toDiscordConfig(env: DiscordEnv): DiscordConfig {
  return {
    token: env.DISCORD_TOKEN,
    apiBase: env.DISCORD_API_BASE.replace(/\/+$/, ''),
    applicationId: env.DISCORD_APPLICATION_ID,
    shardCount: env.SHARD_COUNT,
    shardIds: env.SHARD_IDS,
    devGuildId: env.DEV_GUILD_ID,
  };
}
