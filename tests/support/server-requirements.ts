import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The variables that enable tests against real servers, what each server is, and a value that works. */
export const SERVER_VARIABLES = {
  TEST_DATABASE_URL: { server: 'PostgreSQL', example: 'postgres://root@127.0.0.1:5432/test' },
  TEST_REDIS_URL: { server: 'Redis', example: 'redis://127.0.0.1:6379' },
} as const;

/** One of {@link SERVER_VARIABLES}. */
export type ServerVariable = keyof typeof SERVER_VARIABLES;

/** How many relative imports deep to look for a gate (test file -> support helper -> its helper). */
const MAX_IMPORT_DEPTH = 3;
const RELATIVE_IMPORT = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

/**
 * The server variables a test file depends on: named in the file itself or in a helper it imports
 * (`describe.skipIf(!process.env.TEST_REDIS_URL)` may live in a shared contract suite), or implied by
 * the `*.redis.test.ts` / `*.postgres.test.ts` naming convention.
 */
export function serverVariablesOf(file: string): ServerVariable[] {
  const found = new Set<ServerVariable>();
  if (/\.redis\.test\.ts$/.test(file)) found.add('TEST_REDIS_URL');
  if (/\.(pg|postgres)\.test\.ts$/.test(file)) found.add('TEST_DATABASE_URL');
  const seen = new Set<string>();
  const visit = (path: string, depth: number): void => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const source = readFileSync(path, 'utf8');
    for (const name of Object.keys(SERVER_VARIABLES) as ServerVariable[]) {
      if (source.includes(name)) found.add(name);
    }
    if (depth >= MAX_IMPORT_DEPTH) return;
    for (const match of source.matchAll(RELATIVE_IMPORT)) {
      const target = resolve(dirname(path), match[1] ?? '');
      visit(target.replace(/\.js$/, '.ts'), depth + 1);
    }
  };
  visit(file, 0);
  return [...found];
}
