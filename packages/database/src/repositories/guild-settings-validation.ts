import { err, ok, type Result } from '@discord-bot/errors';
import { MAX_QUEUE_LENGTH_LIMIT, SEARCH_SOURCE_NAMES } from '../constants.js';
import type { GuildSettingsPatch } from './guild-settings-types.js';

/** Why a settings change was refused. */
export interface SettingsValidationFailure {
  readonly code: 'INVALID_SETTING';
  readonly field: keyof GuildSettingsPatch;
  readonly reason: string;
}

const SNOWFLAKE = /^\d{17,20}$/;
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const TIER_ID = /^[a-z][a-z0-9_-]{0,31}$/;
const AUTOPLAY_MODES = new Set(['similar', 'artist', 'genre', 'mixed']);
const SEARCH_SOURCES = new Set<string>(SEARCH_SOURCE_NAMES);

type Check = (value: unknown) => string | undefined;

const isInteger =
  (min: number, max: number): Check =>
  (value) =>
    Number.isInteger(value) && (value as number) >= min && (value as number) <= max
      ? undefined
      : `must be a whole number from ${min} to ${max}`;
const isSnowflakeOrNull: Check = (value) =>
  value === null || (typeof value === 'string' && SNOWFLAKE.test(value)) ? undefined : 'must be a Discord id';
const isBoolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');

const CHECKS: Record<keyof GuildSettingsPatch, Check> = {
  defaultVolume: isInteger(0, 200),
  djRoleId: isSnowflakeOrNull,
  announceChannelId: isSnowflakeOrNull,
  alwaysOn: isBoolean,
  voteSkipRatio: (value) =>
    typeof value === 'number' && value > 0 && value <= 1 ? undefined : 'must be above 0 and at most 1',
  maxQueueLength: isInteger(1, MAX_QUEUE_LENGTH_LIMIT),
  maxTrackDurationMs: (value) => (value === null ? undefined : isInteger(1_000, 2_147_483_647)(value)),
  duplicateGuard: isBoolean,
  autoplayMode: (value) =>
    typeof value === 'string' && AUTOPLAY_MODES.has(value)
      ? undefined
      : 'must be similar, artist, genre or mixed',
  language: (value) =>
    typeof value === 'string' && LANGUAGE_TAG.test(value)
      ? undefined
      : 'must be a language tag like en or pt-BR',
  premiumTier: (value) =>
    typeof value === 'string' && TIER_ID.test(value) ? undefined : 'must be a tier id',
  defaultSearchSource: (value) =>
    value === null || (typeof value === 'string' && SEARCH_SOURCES.has(value))
      ? undefined
      : `must be one of ${SEARCH_SOURCE_NAMES.join(', ')}, or null`,
};

/**
 * Checks a patch field by field, dropping keys whose value is `undefined`. The database has the same
 * limits as CHECK constraints; this gives the caller a field name and reason instead of a SQL error.
 */
export function validateSettingsPatch(
  patch: GuildSettingsPatch,
): Result<GuildSettingsPatch, SettingsValidationFailure> {
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(CHECKS, key)) {
      return err({
        code: 'INVALID_SETTING',
        field: key as keyof GuildSettingsPatch,
        reason: 'unknown setting',
      });
    }
    const field = key as keyof GuildSettingsPatch;
    const reason = CHECKS[field](value);
    if (reason !== undefined) return err({ code: 'INVALID_SETTING', field, reason });
    clean[key] = value;
  }
  return ok(clean as GuildSettingsPatch);
}
