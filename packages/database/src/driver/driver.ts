import type { Executor } from '../executor.js';

/** Which engine a {@link Driver} talks to. */
export type DatabaseBackend = 'postgres' | 'pglite';

/** How many migrations ran. */
export interface MigrationReport {
  /** Migrations applied by this call (0 when the schema was already current). */
  readonly applied: number;
  /** Migrations recorded in the database after this call. */
  readonly total: number;
}

/**
 * One engine behind the repositories: PostgreSQL over a `pg` pool, or embedded PGlite. Small on purpose:
 * everything else is written once against {@link Executor}.
 */
export interface Driver {
  readonly backend: DatabaseBackend;
  readonly db: Executor;
  /** Applies pending migrations from `folder`; safe when several processes start at once. */
  migrate(folder: string): Promise<MigrationReport>;
  close(): Promise<void>;
}
