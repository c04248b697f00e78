import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit configuration: `npm run db:generate` diffs `src/schema` against the last snapshot in
 * `migrations/meta` and writes the next SQL migration; `npm run db:studio` browses the database named by
 * DATABASE_URL (PostgreSQL only).
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './packages/database/src/schema/index.ts',
  out: './packages/database/migrations',
  casing: 'snake_case',
  strict: true,
  verbose: true,
  ...(process.env.DATABASE_URL ? { dbCredentials: { url: process.env.DATABASE_URL } } : {}),
});
