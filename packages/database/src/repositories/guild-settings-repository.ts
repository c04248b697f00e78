import { ok, type Result } from '@discord-bot/errors';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_GUILD_SETTINGS } from '../constants.js';
import { guildSettings } from '../schema/guild-settings.js';
import type { GuildSettings, GuildSettingsPatch } from './guild-settings-types.js';
import { Repository } from './repository.js';
import { validateSettingsPatch, type SettingsValidationFailure } from './guild-settings-validation.js';

type Row = typeof guildSettings.$inferSelect;

function toSettings(row: Row): GuildSettings {
  return {
    guildId: row.guildId,
    defaultVolume: row.defaultVolume,
    djRoleId: row.djRoleId,
    announceChannelId: row.announceChannelId,
    alwaysOn: row.alwaysOn,
    voteSkipRatio: row.voteSkipRatio,
    maxQueueLength: row.maxQueueLength,
    maxTrackDurationMs: row.maxTrackDurationMs,
    duplicateGuard: row.duplicateGuard,
    autoplayMode: row.autoplayMode,
    language: row.language,
    premiumTier: row.premiumTier,
    defaultSearchSource: row.defaultSearchSource,
    revision: row.revision,
    updatedAt: row.updatedAt,
  };
}

/** Per-guild settings; a guild without a row reads as {@link DEFAULT_GUILD_SETTINGS}. */
export class GuildSettingsRepository extends Repository {
  protected readonly name = 'guild_settings';

  /** The guild's settings, or the defaults when it has never changed any. */
  public get(guildId: string): Promise<GuildSettings> {
    return this.run('get', async () => {
      const [row] = await this.db.select().from(guildSettings).where(eq(guildSettings.guildId, guildId));
      return row === undefined
        ? { guildId, ...DEFAULT_GUILD_SETTINGS, revision: 0, updatedAt: null }
        : toSettings(row);
    });
  }

  /**
   * Changes some settings, creating the row on first change. Concurrent updates of different fields both
   * land (each writes only its fields); of the same field, the last commit wins.
   */
  public update(
    guildId: string,
    patch: GuildSettingsPatch,
  ): Promise<Result<GuildSettings, SettingsValidationFailure>> {
    return this.run('update', async () => {
      const checked = validateSettingsPatch(patch);
      if (!checked.ok) return checked;
      const values = checked.value;
      const [row] = await this.db
        .insert(guildSettings)
        .values({ guildId, ...values })
        .onConflictDoUpdate({
          target: guildSettings.guildId,
          set: { ...values, revision: sql`${guildSettings.revision} + 1`, updatedAt: sql`now()` },
        })
        .returning();
      if (row === undefined) throw new Error('upsert returned no row');
      return ok(toSettings(row));
    });
  }

  /** Puts every setting back to its default. Returns false when the guild had none. */
  public reset(guildId: string): Promise<boolean> {
    return this.run('reset', async () => {
      const rows = await this.db
        .delete(guildSettings)
        .where(eq(guildSettings.guildId, guildId))
        .returning({ guildId: guildSettings.guildId });
      return rows.length > 0;
    });
  }
}
