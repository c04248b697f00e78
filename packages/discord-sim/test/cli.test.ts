import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../src/cli.ts');

describe('GIVEN npm run sim (the CLI)', () => {
  let child: ChildProcess | undefined;
  let dir: string | undefined;

  afterEach(async () => {
    if (child?.exitCode === null) child.kill('SIGKILL');
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  it('THEN it seeds a guild with alice and bob, prints the REST base and CA path, and stops on SIGTERM', async () => {
    dir = await mkdtemp(join(tmpdir(), 'discord-sim-cli-'));
    const caDir = join(dir, 'ca');
    const proc = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', CLI, '--port', '0', '--ca-dir', caDir],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child = proc;
    let output = '';
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const deadline = Date.now() + 20_000;
    while (!/NODE_EXTRA_CA_CERTS=/.test(output)) {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`CLI did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const restBase = /DISCORD_API_BASE=(\S+)/.exec(output)?.[1] ?? '';
    const caPath = /NODE_EXTRA_CA_CERTS=(\S+)/.exec(output)?.[1] ?? '';
    expect(restBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api$/);
    expect(caPath).toBe(join(caDir, 'ca.pem'));
    expect(existsSync(caPath)).toBe(true);

    const state = (await (await fetch(restBase.replace(/\/api$/, '/_sim/state'))).json()) as {
      users: { username: string }[];
      guilds: { channels: { type: number }[] }[];
    };
    expect(state.users.map((u) => u.username)).toEqual(expect.arrayContaining(['alice', 'bob']));
    expect(state.guilds).toHaveLength(1);
    expect(state.guilds[0]?.channels.map((c) => c.type).sort()).toEqual([0, 2]);

    const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
