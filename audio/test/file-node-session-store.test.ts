import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSilentLogger } from '@discord-bot/logger';
import { FileNodeSessionStore, NODE_SESSIONS_FILE } from '../src/persistence/file-node-session-store.js';

describe('node sessions kept in DATA_DIR (no Redis)', () => {
  let dataDir: string;
  let now: number;
  const store = (): FileNodeSessionStore =>
    new FileNodeSessionStore({
      dataDir,
      resumeTimeoutMs: 60_000,
      logger: createSilentLogger(),
      now: () => now,
    });

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'node-sessions-'));
    now = 1_000_000;
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('GIVEN a session saved by a process THEN the next process takes it once', async () => {
    const before = store();
    await before.save('main', 'abcdefghijklmnop');
    await before.close();

    const after = store();
    expect(await after.take('main')).toBe('abcdefghijklmnop');
    expect(await after.take('main')).toBeUndefined();
  });

  it('GIVEN sessions of two nodes THEN each is taken on its own', async () => {
    const before = store();
    await Promise.all([before.save('a', 'session-a'), before.save('b', 'session-b')]);
    const after = store();
    expect(await after.take('b')).toBe('session-b');
    expect(await after.take('a')).toBe('session-a');
  });

  it('GIVEN a session older than the resume timeout THEN it is not offered (the node dropped it)', async () => {
    await store().save('main', 'stale-session-id');
    now += 61_000;
    expect(await store().take('main')).toBeUndefined();
  });

  it('GIVEN a torn or foreign file THEN nothing is resumed and the next save repairs it', async () => {
    await writeFile(join(dataDir, NODE_SESSIONS_FILE), '{"main": {"sessionId": 4');
    const s = store();
    expect(await s.take('main')).toBeUndefined();
    await s.save('main', 'fresh-session');
    expect(JSON.parse(await readFile(join(dataDir, NODE_SESSIONS_FILE), 'utf8'))).toEqual({
      main: { sessionId: 'fresh-session', savedAt: now },
    });
  });

  it('GIVEN a missing data directory THEN saving creates it', async () => {
    const nested = join(dataDir, 'deeper', 'still');
    const s = new FileNodeSessionStore({
      dataDir: nested,
      resumeTimeoutMs: 60_000,
      logger: createSilentLogger(),
    });
    await s.save('main', 'created');
    expect(await s.take('main')).toBe('created');
  });
});
