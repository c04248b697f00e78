import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { killAll, spawnEntry, tsxEntry } from '../support/spawn-entry.js';

const dir = mkdtempSync(join(tmpdir(), 'bench-runner-'));
for (const [name, body] of [
  ['alpha', "console.log('alpha figures: 1.00x baseline');"],
  ['beta', "console.log('beta ran'); process.exitCode = 3;"],
]) {
  mkdirSync(join(dir, name ?? ''));
  writeFileSync(join(dir, name ?? '', 'index.ts'), body ?? '');
}
mkdirSync(join(dir, 'not-a-bench'));

afterAll(() => {
  killAll();
  rmSync(dir, { recursive: true, force: true });
});

async function bench(...args: string[]) {
  const proc = spawnEntry([...tsxEntry('bench/run.ts'), ...args], { BENCH_DIR: dir });
  const exit = await proc.exited();
  return { code: exit.code, output: proc.output() };
}

describe('npm run bench', () => {
  it('GIVEN a name THEN it runs bench/<name>/index.ts only', async () => {
    const { code, output } = await bench('alpha');
    expect(code).toBe(0);
    expect(output).toContain('alpha figures: 1.00x baseline');
    expect(output).not.toContain('beta ran');
  });

  it('GIVEN no name THEN it runs every benchmark and fails if one failed', async () => {
    const { code, output } = await bench();
    expect(output).toContain('running all benchmarks: alpha, beta');
    expect(output).toContain('alpha figures');
    expect(output).toContain('beta: failed (exit 3)');
    expect(code).toBe(1);
  });

  it('GIVEN an unknown name THEN it exits 2 listing the available ones', async () => {
    const { code, output } = await bench('gamma');
    expect(code).toBe(2);
    expect(output).toContain('unknown benchmark: gamma');
    expect(output).toContain('available: alpha, beta');
  });

  it('GIVEN --list THEN it lists directories with an index.ts', async () => {
    const { code, output } = await bench('--list');
    expect(code).toBe(0);
    expect(output.trim().split('\n')).toEqual(['alpha', 'beta']);
  });
});
