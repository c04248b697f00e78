/**
 * db-open: how long the embedded database takes to become usable, and what the repository layer costs per
 * call.
 *
 *   npm run bench -- db-open
 *   npx tsx --conditions=source bench/db-open/index.ts
 *
 * Opening: a new data directory (initdb + every migration) is the baseline; beside it, reopening an
 * existing directory, and restoring the cached migrated snapshot in memory (what each test file does).
 * Per call: `guildSettings.get` through Drizzle and the metrics wrapper, against the same SELECT sent
 * straight to PGlite. Env: BENCH_OPEN_RUNS (default 3), BENCH_CALLS (default 2000).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createDatabase, pgliteDirectory, type Database } from '@discord-bot/database';
import { loadPgliteSnapshots } from '@discord-bot/database/testing';
import { createSilentLogger } from '@discord-bot/logger';

const OPEN_RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 3);
const CALLS = Number(process.env.BENCH_CALLS ?? 2_000);
const GUILD_ID = '100000000000000001';
const logger = createSilentLogger();

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const value = await fn();
  return [performance.now() - started, value];
}

async function openTimes(): Promise<{ fresh: number; reopen: number; snapshot: number }> {
  const snapshots = await loadPgliteSnapshots(); // builds the cache if needed, outside the timings
  const fresh: number[] = [];
  const reopen: number[] = [];
  const snapshot: number[] = [];
  for (let run = 0; run < OPEN_RUNS; run++) {
    const dataDir = await mkdtemp(join(tmpdir(), 'bench-db-open-'));
    try {
      const [tFresh, first] = await timed(() => createDatabase({ dataDir, logger }));
      await first.close();
      fresh.push(tFresh);
      const [tReopen, second] = await timed(() => createDatabase({ dataDir, logger }));
      await second.close();
      reopen.push(tReopen);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    const [tSnapshot, restored] = await timed(() =>
      createDatabase({ dataDir: 'memory://', logger, pgliteSnapshot: snapshots.migrated, migrate: false }),
    );
    await restored.close();
    snapshot.push(tSnapshot);
  }
  return { fresh: median(fresh), reopen: median(reopen), snapshot: median(snapshot) };
}

async function perCall(): Promise<{ repository: number; raw: number }> {
  const { migrated } = await loadPgliteSnapshots();
  const db: Database = await createDatabase({
    dataDir: 'memory://',
    logger,
    pgliteSnapshot: migrated,
    migrate: false,
  });
  const raw = await PGlite.create({ loadDataDir: migrated });
  try {
    await db.guildSettings.update(GUILD_ID, { defaultVolume: 80 });
    await raw.query(`insert into guild_settings (guild_id, default_volume) values ($1, 80)`, [GUILD_ID]);
    const repositoryRun = async () => {
      for (let i = 0; i < CALLS; i++) await db.guildSettings.get(GUILD_ID);
    };
    const rawRun = async () => {
      for (let i = 0; i < CALLS; i++)
        await raw.query('select * from guild_settings where guild_id = $1', [GUILD_ID]);
    };
    await repositoryRun(); // warm-up both
    await rawRun();
    const [tRepository] = await timed(repositoryRun);
    const [tRaw] = await timed(rawRun);
    return { repository: (tRepository * 1_000) / CALLS, raw: (tRaw * 1_000) / CALLS };
  } finally {
    await db.close();
    await raw.close();
  }
}

const open = await openTimes();
console.log(`PGlite open, median of ${OPEN_RUNS} (data dir ${pgliteDirectory('<DATA_DIR>')}):`);
console.log(`  new data dir (initdb + migrations)  ${open.fresh.toFixed(0).padStart(6)} ms  (baseline)`);
console.log(
  `  reopen existing data dir            ${open.reopen.toFixed(0).padStart(6)} ms  ratio ${(open.reopen / open.fresh).toFixed(3)}`,
);
console.log(
  `  restore migrated snapshot (memory)  ${open.snapshot.toFixed(0).padStart(6)} ms  ratio ${(open.snapshot / open.fresh).toFixed(3)}`,
);
const call = await perCall();
console.log(`guild settings read, mean of ${CALLS} calls:`);
console.log(`  raw PGlite query                    ${call.raw.toFixed(0).padStart(6)} µs  (baseline)`);
console.log(
  `  guildSettings.get (Drizzle+metrics) ${call.repository.toFixed(0).padStart(6)} µs  ratio ${(call.repository / call.raw).toFixed(2)}`,
);
