import { SERVICE_NAMES, describeVariables } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';

describe('describeVariables', () => {
  const variables = describeVariables();
  const byName = new Map(variables.map((variable) => [variable.name, variable]));

  it('THEN every variable has a description and an example', () => {
    for (const variable of variables) {
      expect(variable.description, variable.name).not.toBe('');
      expect(variable.example, variable.name).not.toBe('');
    }
  });

  it('THEN every variable has a literal default, a described default, or is required somewhere', () => {
    for (const variable of variables) {
      const documented = variable.default !== undefined || variable.defaultText !== undefined;
      expect(documented || variable.requiredBy.length > 0, variable.name).toBe(true);
    }
  });

  it('THEN the names the issue requires are all there', () => {
    for (const name of [
      'DISCORD_TOKEN',
      'DISCORD_API_BASE',
      'DATABASE_URL',
      'DATA_DIR',
      'REDIS_URL',
      'LAVALINK_NODES',
      'LOG_LEVEL',
      'GATEWAY_PORT',
      'AUDIO_PORT',
      'API_PORT',
      'WORKER_PORT',
      'PORT',
      'AUDIO_NODE_PORT',
      'AUDIO_NODE_PASSWORD',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
  });

  it('THEN who requires what is derived from the schemas', () => {
    expect(byName.get('DISCORD_TOKEN')?.requiredBy).toEqual(['gateway', 'single-node']);
    expect(byName.get('AUDIO_NODE_PASSWORD')?.requiredBy).toEqual(['audio-node']);
    expect(byName.get('DISCORD_API_BASE')).toMatchObject({
      default: 'https://discord.com/api',
      requiredBy: [],
    });
    expect(byName.get('LOG_LEVEL')?.services).toEqual([...SERVICE_NAMES]);
    expect(byName.get('DISCORD_TOKEN')?.secret).toBe(true);
  });
});
