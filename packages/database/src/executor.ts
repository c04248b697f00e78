import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * What repositories run queries on: the root Drizzle database or an open transaction. Both PostgreSQL
 * (node-postgres) and PGlite fit, so repositories are written once.
 */
export type Executor = PgDatabase<PgQueryResultHKT>;
