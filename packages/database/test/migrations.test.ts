import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger } from '@discord-bot/logger';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, MIGRATIONS_FOLDER } from '../src/index.js';
import {
  createScratchPostgresDatabase,
  createTestDatabase,
  loadPgliteSnapshots,
} from '../src/testing/index.js';
import { BACKENDS } from './support/backends.js';
import { snowflake } from './support/fixtures.js';

const MIGRATION_COUNT = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).length;
const logger = createSilentLogger();

for (const backend of BACKENDS) {
  describe.skipIf(!backend.available)(`migrations [${backend.name}]`, () => {
    it('GIVEN an empty database THEN migrating applies every migration, and running again applies none', async () => {
      const handle = await createTestDatabase({
        empty: true,
        ...(backend.adminUrl === undefined ? {} : { adminUrl: backend.adminUrl }),
      });
      try {
        expect(await handle.db.migrate()).toEqual({ applied: MIGRATION_COUNT, total: MIGRATION_COUNT });
        expect(await handle.db.migrate()).toEqual({ applied: 0, total: MIGRATION_COUNT });
        const guildId = snowflake();
        expect((await handle.db.guildSettings.update(guildId, { defaultVolume: 50 })).ok).toBe(true);
        expect(await handle.db.migrate()).toEqual({ applied: 0, total: MIGRATION_COUNT });
        expect((await handle.db.guildSettings.get(guildId)).defaultVolume).toBe(50);
      } finally {
        await handle.dispose();
      }
    });
  });
}

describe.skipIf(!BACKENDS[1].available)(
  'migrations with several services starting at once [postgres]',
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('GIVEN four services starting together on an empty database THEN all start and each migration runs once', async () => {
      const scratch = await createScratchPostgresDatabase(BACKENDS[1].adminUrl!);
      cleanups.push(() => scratch.drop());
      const services = await Promise.all(
        Array.from({ length: 4 }, () =>
          createDatabase({ url: scratch.url, dataDir: 'unused', logger, poolSize: 2 }),
        ),
      );
      for (const service of services) cleanups.push(() => service.close());
      const reports = await Promise.all(services.map((service) => service.migrate()));
      expect(reports.every((report) => report.total === MIGRATION_COUNT && report.applied === 0)).toBe(true);
      for (const service of services) expect((await service.ping()).ok).toBe(true);
    });
  },
);

describe('file-backed PGlite', () => {
  it('GIVEN a data directory THEN data survives closing and reopening, and reopening migrates nothing', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'discord-bot-pglite-test-'));
    try {
      const { migrated } = await loadPgliteSnapshots();
      const first = await createDatabase({ dataDir, logger, pgliteSnapshot: migrated });
      expect(first.backend).toBe('pglite');
      const guildId = snowflake();
      await first.guildSettings.update(guildId, { alwaysOn: true });
      await first.close();
      await first.close(); // idempotent
      const second = await createDatabase({ dataDir, logger, pgliteSnapshot: migrated });
      try {
        expect(await second.migrate()).toEqual({ applied: 0, total: MIGRATION_COUNT });
        expect((await second.guildSettings.get(guildId)).alwaysOn).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('the embedded database directory', () => {
  it('GIVEN a data directory already open THEN a second opener is refused instead of corrupting it', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'discord-bot-pglite-lock-'));
    try {
      const { migrated } = await loadPgliteSnapshots();
      const first = await createDatabase({ dataDir, logger, pgliteSnapshot: migrated });
      try {
        await expect(createDatabase({ dataDir, logger, pgliteSnapshot: migrated })).rejects.toMatchObject({
          code: 'DATABASE_UNAVAILABLE',
          message: expect.stringContaining(`in use by process ${process.pid}`) as unknown,
        });
      } finally {
        await first.close();
      }
      const again = await createDatabase({ dataDir, logger, pgliteSnapshot: migrated, migrate: false });
      await again.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
