import { createLogger } from '@discord-bot/logger';
import { createDatabase, pgliteDirectory, type Database } from '@discord-bot/database';

/**
 * Opens the database the way the services do, from DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite,
 * default `./data`). Scripts are entry points, so reading the environment here is fine.
 */
export async function openScriptDatabase(options: { readonly migrate: boolean }): Promise<Database> {
  const url = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
  const dataDir = process.env.DATA_DIR ?? './data';
  const logger = createLogger({ service: 'db-script', level: 'info', pretty: process.stdout.isTTY });
  logger.info(
    url === undefined ? { pglite: pgliteDirectory(dataDir) } : { postgres: new URL(url).host },
    'opening database',
  );
  return createDatabase({ url, dataDir, logger, migrate: options.migrate, applicationName: 'db-script' });
}
