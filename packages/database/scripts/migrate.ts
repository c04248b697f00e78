/**
 * `npm run db:migrate`: applies pending migrations and exits. Services also migrate at start; this is for
 * deployments that prefer a separate step (a Kubernetes Job or an init container).
 */
import { openScriptDatabase } from './script-database.js';

const db = await openScriptDatabase({ migrate: false });
try {
  const report = await db.migrate();
  console.log(`applied ${report.applied} migration(s); ${report.total} in total`);
} catch (error) {
  console.error('migration failed:', error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
