import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';

/** A database created for one run and dropped afterwards. */
export interface FreshDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** Creates an empty database next to `TEST_DATABASE_URL` (the services migrate it at start). */
export async function freshDatabase(baseUrl: string): Promise<FreshDatabase> {
  const name = `e2e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Redis database reserved for the end-to-end suite (the services use unprefixed keys). */
const E2E_REDIS_DB = 13;

/** `TEST_REDIS_URL` on the suite's own logical database, emptied first. */
export async function freshRedis(baseUrl: string): Promise<string> {
  const url = new URL(baseUrl);
  url.pathname = `/${E2E_REDIS_DB}`;
  const client = new Redis(url.toString(), { lazyConnect: true, maxRetriesPerRequest: 1 });
  await client.connect();
  await client.flushdb();
  client.disconnect();
  return url.toString();
}
