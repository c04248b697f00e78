export {
  createTestDatabase,
  createScratchPostgresDatabase,
  type TestDatabase,
  type CreateTestDatabaseOptions,
} from './test-database.js';
export { loadPgliteSnapshots, type PgliteSnapshots } from './pglite-snapshots.js';
