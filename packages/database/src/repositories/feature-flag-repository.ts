import { err, ok, type Result } from '@discord-bot/errors';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { GLOBAL_FLAG_SCOPE } from '../constants.js';
import { featureFlags } from '../schema/feature-flags.js';
import { Repository } from './repository.js';

/** A flag value stored for one scope (a guild id or {@link GLOBAL_FLAG_SCOPE}). */
export interface FeatureFlag {
  readonly scope: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly payload: unknown;
  readonly updatedAt: Date;
}

/** The value a guild sees, and where it came from. */
export interface ResolvedFeatureFlag {
  readonly name: string;
  readonly enabled: boolean;
  readonly payload: unknown;
  readonly source: 'guild' | 'global' | 'default';
}

/** Flag names: lower case, digits, dots, dashes and underscores, starting with a letter. */
const FLAG_NAME = /^[a-z][a-z0-9._-]{0,63}$/;

type Row = typeof featureFlags.$inferSelect;

const toFlag = (row: Row): FeatureFlag => ({
  scope: row.guildId,
  name: row.name,
  enabled: row.enabled,
  payload: row.payload ?? null,
  updatedAt: row.updatedAt,
});

/**
 * Feature flags, unique per (scope, name). A guild's own value overrides the global one; with neither,
 * a flag is off.
 */
export class FeatureFlagRepository extends Repository {
  protected readonly name = 'feature_flag';

  /** Sets a flag for a guild, or for everyone with {@link GLOBAL_FLAG_SCOPE}. */
  public set(input: {
    readonly scope: string;
    readonly name: string;
    readonly enabled: boolean;
    readonly payload?: unknown;
  }): Promise<Result<FeatureFlag, { readonly code: 'INVALID_FLAG_NAME' }>> {
    return this.run('set', async () => {
      if (!FLAG_NAME.test(input.name)) return err({ code: 'INVALID_FLAG_NAME' } as const);
      const payload = input.payload ?? null;
      const [row] = await this.db
        .insert(featureFlags)
        .values({ guildId: input.scope, name: input.name, enabled: input.enabled, payload })
        .onConflictDoUpdate({
          target: [featureFlags.guildId, featureFlags.name],
          set: { enabled: input.enabled, payload, updatedAt: sql`now()` },
        })
        .returning();
      if (row === undefined) throw new Error('upsert returned no row');
      return ok(toFlag(row));
    });
  }

  /** The flag as `guildId` sees it. */
  public resolve(guildId: string, name: string): Promise<ResolvedFeatureFlag> {
    return this.run('resolve', async () => {
      const [row] = await this.db
        .select()
        .from(featureFlags)
        .where(and(eq(featureFlags.name, name), inArray(featureFlags.guildId, [guildId, GLOBAL_FLAG_SCOPE])))
        // false sorts before true: the guild's own row first, the global one as fallback.
        .orderBy(sql`${featureFlags.guildId} = ${GLOBAL_FLAG_SCOPE}`)
        .limit(1);
      if (row === undefined) return { name, enabled: false, payload: null, source: 'default' };
      return {
        name,
        enabled: row.enabled,
        payload: row.payload ?? null,
        source: row.guildId === GLOBAL_FLAG_SCOPE ? 'global' : 'guild',
      };
    });
  }

  /** The values stored for one scope, by name. */
  public list(scope: string): Promise<FeatureFlag[]> {
    return this.run('list', async () => {
      const rows = await this.db
        .select()
        .from(featureFlags)
        .where(eq(featureFlags.guildId, scope))
        .orderBy(asc(featureFlags.name));
      return rows.map(toFlag);
    });
  }

  /** Removes a scope's value, so the global one (or off) applies again. */
  public remove(scope: string, name: string): Promise<boolean> {
    return this.run('remove', async () => {
      const rows = await this.db
        .delete(featureFlags)
        .where(and(eq(featureFlags.guildId, scope), eq(featureFlags.name, name)))
        .returning({ name: featureFlags.name });
      return rows.length > 0;
    });
  }
}
