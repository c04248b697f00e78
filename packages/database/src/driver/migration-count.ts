import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../executor.js';

/** Where Drizzle's migrator records what it applied (its defaults). */
export const MIGRATIONS_SCHEMA = 'drizzle';
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Runs raw SQL and returns its rows. node-postgres and PGlite both answer `{ rows }`; the shared executor
 * type only knows "some result", hence the narrowing here, in one place.
 */
export async function selectRows<T>(db: Executor, query: SQLWrapper): Promise<T[]> {
  const result: unknown = await db.execute(query);
  const rows = (result as { rows?: T[] }).rows;
  return rows ?? [];
}

/** How many migrations the database has recorded; 0 before the first run. */
export async function countAppliedMigrations(db: Executor): Promise<number> {
  const [exists] = await selectRows<{ present: boolean }>(
    db,
    sql`select to_regclass(${`${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}`}) is not null as present`,
  );
  if (exists?.present !== true) return 0;
  const [row] = await selectRows<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from ${sql.identifier(MIGRATIONS_SCHEMA)}.${sql.identifier(MIGRATIONS_TABLE)}`,
  );
  return Number(row?.n ?? 0);
}
