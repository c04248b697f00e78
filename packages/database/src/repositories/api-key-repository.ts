import { err, ok, type Result } from '@discord-bot/errors';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import { apiKeyTokenMatches, generateApiKeyToken, parseApiKeyToken } from '../api-key-token.js';
import { API_KEY_LAST_USED_RESOLUTION_MS } from '../constants.js';
import { apiKeys } from '../schema/api-keys.js';
import { Repository } from './repository.js';
import { isUuid } from './uuid.js';

/** An API key as stored: never the key itself. */
export interface ApiKey {
  readonly id: string;
  /** Public lookup part of the token, safe to show (`dbk_<prefix>_...`). */
  readonly prefix: string;
  readonly name: string;
  readonly scopes: readonly string[];
  /** Null: not restricted to one guild. */
  readonly guildId: string | null;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly lastUsedAt: Date | null;
}

/** Why a presented token was refused. The API answers all of them with the same 401. */
export type ApiKeyRejection =
  | { readonly code: 'API_KEY_MALFORMED' }
  | { readonly code: 'API_KEY_UNKNOWN' }
  | { readonly code: 'API_KEY_REVOKED' }
  | { readonly code: 'API_KEY_EXPIRED' };

type Row = typeof apiKeys.$inferSelect;

const toApiKey = (row: Row): ApiKey => ({
  id: row.id,
  prefix: row.prefix,
  name: row.name,
  scopes: row.scopes,
  guildId: row.guildId,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  expiresAt: row.expiresAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

/** API keys: issued, verified by hash, revoked. */
export class ApiKeyRepository extends Repository {
  protected readonly name = 'api_key';

  /** Issues a key. `token` is returned this once and cannot be recovered later. */
  public create(input: {
    readonly name: string;
    readonly scopes: readonly string[];
    readonly guildId?: string;
    readonly createdBy: string;
    readonly expiresAt?: Date;
  }): Promise<{ readonly key: ApiKey; readonly token: string }> {
    return this.run('create', async () => {
      const { token, prefix, hash } = generateApiKeyToken();
      const [row] = await this.db
        .insert(apiKeys)
        .values({
          prefix,
          hash,
          name: input.name,
          scopes: [...new Set(input.scopes)].sort(),
          guildId: input.guildId ?? null,
          createdBy: input.createdBy,
          expiresAt: input.expiresAt ?? null,
        })
        .returning();
      if (row === undefined) throw new Error('insert returned no row');
      return { key: toApiKey(row), token };
    });
  }

  /**
   * Checks a presented token. On success also records the use (at most once per
   * {@link API_KEY_LAST_USED_RESOLUTION_MS}, so a busy key does not write on every request).
   */
  public verify(token: string, now: Date = new Date()): Promise<Result<ApiKey, ApiKeyRejection>> {
    return this.run('verify', async () => {
      const prefix = parseApiKeyToken(token);
      if (prefix === undefined) return err({ code: 'API_KEY_MALFORMED' } as const);
      const [row] = await this.db.select().from(apiKeys).where(eq(apiKeys.prefix, prefix));
      if (row === undefined || !apiKeyTokenMatches(token, row.hash)) {
        return err({ code: 'API_KEY_UNKNOWN' } as const);
      }
      if (row.revokedAt !== null && row.revokedAt <= now) return err({ code: 'API_KEY_REVOKED' } as const);
      if (row.expiresAt !== null && row.expiresAt <= now) return err({ code: 'API_KEY_EXPIRED' } as const);
      const staleBefore = new Date(now.getTime() - API_KEY_LAST_USED_RESOLUTION_MS);
      if (row.lastUsedAt === null || row.lastUsedAt < staleBefore) {
        await this.db
          .update(apiKeys)
          .set({ lastUsedAt: now })
          .where(
            and(eq(apiKeys.id, row.id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))),
          );
        return ok(toApiKey({ ...row, lastUsedAt: now }));
      }
      return ok(toApiKey(row));
    });
  }

  /** Keys created by a user, or restricted to a guild, oldest first. */
  public list(filter: { readonly createdBy: string } | { readonly guildId: string }): Promise<ApiKey[]> {
    return this.run('list', async () => {
      const rows = await this.db
        .select()
        .from(apiKeys)
        .where(
          'createdBy' in filter
            ? eq(apiKeys.createdBy, filter.createdBy)
            : eq(apiKeys.guildId, filter.guildId),
        )
        .orderBy(asc(apiKeys.createdAt));
      return rows.map(toApiKey);
    });
  }

  /** Revokes a key from `at` on. False when unknown or already revoked. */
  public revoke(id: string, at: Date = new Date()): Promise<boolean> {
    return this.run('revoke', async () => {
      if (!isUuid(id)) return false;
      const rows = await this.db
        .update(apiKeys)
        .set({ revokedAt: at })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning({ id: apiKeys.id });
      return rows.length > 0;
    });
  }
}
