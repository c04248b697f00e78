import { join } from 'node:path';
import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit configuration. `npm run db:generate` diffs `src/schema` against the last snapshot in
 * `migrations/meta` and writes the next SQL migration (no database needed). `npm run db:studio` browses
 * the database of DATABASE_URL, else the embedded PGlite one in DATA_DIR (stop the bot first: PGlite
 * allows one process at a time).
 */
const databaseUrl = process.env.DATABASE_URL;
const pgliteDir = join(process.env.DATA_DIR ?? './data', 'pglite');

export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/database/src/schema/index.ts',
  out: './packages/database/migrations',
  strict: true,
  verbose: true,
  ...(databaseUrl === undefined || databaseUrl === ''
    ? { driver: 'pglite', dbCredentials: { url: pgliteDir } }
    : { dbCredentials: { url: databaseUrl } }),
});
