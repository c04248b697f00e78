import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, killAll, spawnEntry, tsxEntry } from '../support/spawn-entry.js';

/**
 * The issue asks for an exit within 2 s (measured: about 0.4 s through npm). This bound only
 * keeps a loaded machine running the whole suite from failing the test on start-up time.
 */
const EXIT_LIMIT_MS = 30_000;
const SECRET = 'abc';

afterAll(killAll);

describe('GIVEN invalid configuration', { timeout: 60_000 }, () => {
  it('WHEN `npm run start:gateway` has GATEWAY_PORT=x THEN it exits non-zero naming it, and the token appears nowhere', async () => {
    const proc = spawnEntry(['npm', 'run', '--prefix', ROOT, 'start:gateway'], {
      DISCORD_TOKEN: SECRET,
      LOG_LEVEL: 'debug',
      GATEWAY_PORT: 'x',
    });
    const exit = await proc.exited(EXIT_LIMIT_MS);
    expect(exit.code).not.toBe(0);
    expect(proc.output()).toContain('GATEWAY_PORT must be a port number from 0 to 65535');
    expect(proc.output()).toContain('example: GATEWAY_PORT=');
    expect(proc.output()).not.toContain(SECRET);
  });

  it.each([
    {
      entry: 'gateway/src/main.ts',
      env: {
        DISCORD_TOKEN: 'tok-secret-1',
        SHARD_COUNT: 'many',
        DISCORD_API_BASE: 'nowhere',
        LOG_LEVEL: 'loud',
      },
      variables: ['LOG_LEVEL', 'DISCORD_API_BASE', 'SHARD_COUNT'],
      secret: 'tok-secret-1',
    },
    {
      entry: 'audio/src/main.ts',
      env: {
        AUDIO_PORT: '70000',
        LAVALINK_NODES: '[{"id":"a","url":"ftp://x","password":"pw-secret-2"}]',
        REDIS_URL: 'redis:/broken-secret-3',
      },
      variables: ['AUDIO_PORT', 'LAVALINK_NODES', 'REDIS_URL'],
      secret: 'secret-',
    },
    {
      entry: 'api/src/main.ts',
      env: { API_PORT: '-1', DATABASE_URL: 'mysql://u:pw-secret-4@db/x', PREMIUM_ENABLED: 'maybe' },
      variables: ['API_PORT', 'DATABASE_URL', 'PREMIUM_ENABLED'],
      secret: 'pw-secret-4',
    },
    {
      entry: 'worker/src/main.ts',
      env: { WORKER_PORT: 'port', NODE_ENV: 'staging' },
      variables: ['NODE_ENV', 'WORKER_PORT'],
      secret: undefined,
    },
    {
      entry: 'single-node/src/main.ts',
      env: { DISCORD_TOKEN: 'tok-secret-5', PORT: 'x', AUDIO_NODE_HTTP_ALLOWLIST: '10.0.0.0/99' },
      variables: ['PORT', 'AUDIO_NODE_HTTP_ALLOWLIST'],
      secret: 'tok-secret-5',
    },
  ])('WHEN $entry starts THEN it exits non-zero listing every problem and no secret', async (testCase) => {
    const proc = spawnEntry(tsxEntry(testCase.entry), testCase.env);
    const exit = await proc.exited(EXIT_LIMIT_MS);
    const output = proc.output();
    expect(exit.code).not.toBe(0);
    expect(output).toContain(`(${testCase.variables.length} problems)`);
    for (const variable of testCase.variables) expect(output).toMatch(new RegExp(`^  - ${variable} `, 'm'));
    if (testCase.secret !== undefined) expect(output).not.toContain(testCase.secret);
  });

  it('WHEN single-node has no DISCORD_TOKEN THEN it explains how to get one and how to try offline (simulator or sandbox)', async () => {
    const proc = spawnEntry(tsxEntry('single-node/src/main.ts'), {});
    const exit = await proc.exited(EXIT_LIMIT_MS);
    expect(exit.code).not.toBe(0);
    expect(proc.output()).toContain('DISCORD_TOKEN is required but not set');
    expect(proc.output()).toContain('Bot -> Reset Token');
    expect(proc.output()).toContain('npm run sim');
    expect(proc.output()).toContain('npm run sandbox');
  });

  it('WHEN the problem comes from .env in the working directory THEN it is reported the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    try {
      writeFileSync(join(dir, '.env'), 'WORKER_PORT=not-a-port\n');
      const proc = spawnEntry(tsxEntry('worker/src/main.ts'), {}, dir);
      expect((await proc.exited(EXIT_LIMIT_MS)).code).not.toBe(0);
      expect(proc.output()).toContain('WORKER_PORT must be a port number');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
