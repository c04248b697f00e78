/**
 * Runs benchmarks: `npm run bench -- <name> [<name>...]` runs `bench/<name>/index.ts`; with no name, every
 * benchmark in turn; `--list` only lists them. Each runs in its own process (tsx, `source` condition) so
 * one benchmark's heap and timers never skew another's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Where benchmarks live; `BENCH_DIR` overrides it for the runner's own tests. */
const BENCH_DIR = process.env['BENCH_DIR'] ?? import.meta.dirname;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

/** Exit code for a command-line mistake (unknown benchmark). */
const USAGE_EXIT_CODE = 2;

function available(): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BENCH_DIR, entry.name, 'index.ts')))
    .map((entry) => entry.name)
    .sort();
}

function run(name: string): number {
  console.log(`\n=== bench: ${name} ===`);
  const started = performance.now();
  const result = spawnSync(TSX, ['--conditions=source', join(BENCH_DIR, name, 'index.ts')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  const code = result.status ?? 1;
  console.log(`=== ${name}: ${code === 0 ? 'done' : `failed (exit ${code})`} in ${seconds} s ===`);
  return code;
}

const args = process.argv.slice(2);
const names = available();

if (args.includes('--list') || args.includes('-l')) {
  console.log(names.length === 0 ? 'no benchmarks yet' : names.join('\n'));
  process.exit(0);
}

const unknown = args.filter((name) => !names.includes(name));
if (unknown.length > 0) {
  console.error(`unknown benchmark${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`);
  console.error(names.length === 0 ? 'there are no benchmarks yet' : `available: ${names.join(', ')}`);
  console.error('usage: npm run bench -- [<name>...] | --list');
  process.exit(USAGE_EXIT_CODE);
}

const selected = args.length > 0 ? args : names;
if (selected.length === 0) {
  console.log('no benchmarks yet: add bench/<name>/index.ts');
  process.exit(0);
}
if (args.length === 0) console.log(`running all benchmarks: ${selected.join(', ')}`);
const failed = selected.filter((name) => run(name) !== 0);
if (failed.length > 0) {
  console.error(`\nfailed: ${failed.join(', ')}`);
  process.exit(1);
}
