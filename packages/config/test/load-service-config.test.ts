import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadServiceConfig } from '@discord-bot/config';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'config-load-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function envFile(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('loadServiceConfig', () => {
  it('GIVEN a .env file THEN its values are read (quotes and comments handled)', () => {
    const path = envFile('basic.env', '# comment\nWORKER_PORT=8090\nDATA_DIR="/srv/bot data"\n');
    const config = loadServiceConfig('worker', { env: {}, envFile: path });
    expect(config.http.port).toBe(8090);
    expect(config.database.dataDir).toBe('/srv/bot data');
  });

  it('GIVEN a variable in both THEN the environment wins, unless it is empty', () => {
    const path = envFile('both.env', 'WORKER_PORT=8090\nDATA_DIR=/from-file\n');
    const config = loadServiceConfig('worker', { env: { WORKER_PORT: '8091', DATA_DIR: '' }, envFile: path });
    expect(config.http.port).toBe(8091);
    expect(config.database.dataDir).toBe('/from-file');
  });

  it('GIVEN no file at the path THEN only the environment counts', () => {
    const config = loadServiceConfig('worker', {
      env: { WORKER_PORT: '8092' },
      envFile: join(dir, 'absent.env'),
    });
    expect(config.http.port).toBe(8092);
  });

  it('GIVEN envFile false THEN no file is read', () => {
    expect(loadServiceConfig('api', { env: {}, envFile: false }).http.port).toBe(3000);
  });

  it('THEN the result is deeply frozen', () => {
    const config = loadServiceConfig('audio-node', { env: { AUDIO_NODE_PASSWORD: 'p' }, envFile: false });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.audioNode.musicDirs)).toBe(true);
    expect(() => {
      (config.audioNode as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('GIVEN problems and onInvalid throw THEN a ConfigError lists every variable and no value', () => {
    const secret = 'super-secret-token-value';
    const load = () =>
      loadServiceConfig('gateway', {
        env: {
          DISCORD_TOKEN: secret,
          GATEWAY_PORT: 'x',
          REDIS_URL: `redis://:${secret}@`,
          LOG_LEVEL: secret,
        },
        envFile: false,
        onInvalid: 'throw',
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const configError = error as ConfigError;
      expect(configError.code).toBe('CONFIG_INVALID');
      expect(configError.problems.map((p) => p.variable)).toEqual(['LOG_LEVEL', 'GATEWAY_PORT', 'REDIS_URL']);
      expect(configError.message).toContain('GATEWAY_PORT must be a port number from 0 to 65535');
      expect(configError.message).toContain('example: GATEWAY_PORT=');
      expect(JSON.stringify({ message: configError.message, json: configError.toJSON() })).not.toContain(
        secret,
      );
    }
  });
});

describe('loadServiceConfig with an unreadable .env', () => {
  it('GIVEN .env is a directory THEN a ConfigFileError names the path', () => {
    const path = join(dir, 'env-dir');
    mkdirSync(path);
    expect(() => loadServiceConfig('worker', { env: {}, envFile: path, onInvalid: 'throw' })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_FILE_UNREADABLE',
        message: `cannot read the environment file ${path}`,
      }) as Error,
    );
  });
});
