import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommandRegistry, type CommandHandler } from '@discord-bot/commands';
import { createSilentLogger } from '@discord-bot/logger';
import { afterAll, describe, expect, it } from 'vitest';
import { registerCommandsIfChanged } from '../src/application/use-cases/register-commands.js';
import { FileFingerprintStore } from '../src/infrastructure/persistence/fingerprint-store.js';

@Command({ name: 'ping', description: 'Ping' })
class Ping implements CommandHandler {
  public execute(): Promise<void> {
    return Promise.resolve();
  }
}

@Command({ name: 'pong', description: 'Pong' })
class Pong implements CommandHandler {
  public execute(): Promise<void> {
    return Promise.resolve();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'gateway-fingerprint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('registerCommandsIfChanged', () => {
  const target = { apiBase: 'http://127.0.0.1:1/api', applicationId: '11', devGuildId: undefined };

  it('GIVEN a fresh start THEN it registers globally; a restart sends nothing; a change registers again', async () => {
    const store = new FileFingerprintStore(join(dir, 'a', 'commands.json'));
    const puts: string[] = [];
    const put = (route: string) => Promise.resolve(void puts.push(route));
    const logger = createSilentLogger();
    const one = new CommandRegistry().register(new Ping());
    expect(await registerCommandsIfChanged(one, target, store, put, logger)).toBe('registered');
    expect(
      await registerCommandsIfChanged(
        one,
        target,
        new FileFingerprintStore(join(dir, 'a', 'commands.json')),
        put,
        logger,
      ),
    ).toBe('unchanged');
    const two = new CommandRegistry().register(new Ping(), new Pong());
    expect(await registerCommandsIfChanged(two, target, store, put, logger)).toBe('registered');
    expect(puts).toEqual(['/applications/11/commands', '/applications/11/commands']);
  });

  it('GIVEN DEV_GUILD_ID THEN it registers in that guild, tracked apart from the global set', async () => {
    const store = new FileFingerprintStore(join(dir, 'b.json'));
    const puts: string[] = [];
    const put = (route: string) => Promise.resolve(void puts.push(route));
    const registry = new CommandRegistry().register(new Ping());
    await registerCommandsIfChanged(registry, target, store, put, createSilentLogger());
    await registerCommandsIfChanged(
      registry,
      { ...target, devGuildId: '22' },
      store,
      put,
      createSilentLogger(),
    );
    expect(puts).toEqual(['/applications/11/commands', '/applications/11/guilds/22/commands']);
  });

  it('GIVEN Discord refuses THEN nothing is recorded and the next start tries again', async () => {
    const store = new FileFingerprintStore(join(dir, 'c.json'));
    const registry = new CommandRegistry().register(new Ping());
    await expect(
      registerCommandsIfChanged(
        registry,
        target,
        store,
        () => Promise.reject(new Error('500')),
        createSilentLogger(),
      ),
    ).rejects.toThrow('500');
    expect(await store.read(`${target.apiBase}|11|global`)).toBeUndefined();
  });
});
