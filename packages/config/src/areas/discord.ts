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
  'address it prints (and any token), or use `npm run sandbox` once it exists.',
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
