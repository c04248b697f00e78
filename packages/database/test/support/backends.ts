import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../src/index.js';
import { createTestDatabase, type TestDatabase } from '../../src/testing/index.js';

/** The engines every contract suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const BACKENDS = [
  { name: 'pglite', adminUrl: undefined, available: true },
  {
    name: 'postgres',
    adminUrl: process.env.TEST_DATABASE_URL,
    available: process.env.TEST_DATABASE_URL !== undefined && process.env.TEST_DATABASE_URL !== '',
  },
] as const;

/**
 * Runs `suite` once per backend, each time against a database of its own (a PGlite snapshot restored in
 * memory, or a fresh PostgreSQL database dropped afterwards).
 */
export function describeEachBackend(title: string, suite: (db: () => Database) => void): void {
  for (const backend of BACKENDS) {
    describe.skipIf(!backend.available)(`${title} [${backend.name}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(
          backend.adminUrl === undefined ? {} : { adminUrl: backend.adminUrl },
        );
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      suite(() => {
        if (handle === undefined) throw new Error('test database not open yet');
        return handle.db;
      });
    });
  }
}
