import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serverVariablesOf } from '../support/server-requirements.js';

const dir = mkdtempSync(join(tmpdir(), 'server-requirements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('serverVariablesOf (attributes skipped tests to the server they wait for)', () => {
  it('GIVEN a gate in the test file THEN its variable is found', () => {
    const path = file('a.test.ts', "describe.skipIf(!process.env['TEST_DATABASE_URL'])('x', () => {});");
    expect(serverVariablesOf(path)).toEqual(['TEST_DATABASE_URL']);
  });

  it('GIVEN a gate two imports away THEN it is found through the helpers', () => {
    file('inner.ts', 'export const url = process.env.TEST_REDIS_URL;');
    file('contract.ts', "import { url } from './inner.js';\nexport const skip = url === undefined;");
    const path = file('b.test.ts', "import { skip } from './contract.js';");
    expect(serverVariablesOf(path)).toEqual(['TEST_REDIS_URL']);
  });

  it('GIVEN the *.redis.test.ts naming convention THEN Redis is implied', () => {
    expect(serverVariablesOf(file('c.redis.test.ts', ''))).toEqual(['TEST_REDIS_URL']);
  });

  it('GIVEN no gate THEN nothing is attributed', () => {
    expect(serverVariablesOf(file('d.test.ts', "import { x } from './missing.js';"))).toEqual([]);
  });
});
