import { DEFAULT_DISCORD_API_BASE } from '@discord-bot/config';
import { describe, expect, it } from 'vitest';
import { problems, valid, variables } from './support.js';

describe('discord area', () => {
  it('GIVEN only a token THEN Discord defaults apply', () => {
    expect(valid('gateway').discord).toEqual({
      token: 'test-token',
      apiBase: DEFAULT_DISCORD_API_BASE,
      applicationId: undefined,
      shardCount: 'auto',
      shardIds: undefined,
      devGuildId: undefined,
    });
  });

  it('GIVEN every variable THEN each is parsed (trailing slash of the API base dropped)', () => {
    const { discord } = valid('gateway', {
      DISCORD_API_BASE: 'http://127.0.0.1:8787/api/',
      DISCORD_APPLICATION_ID: '123456789012345678',
      SHARD_COUNT: '4',
      SHARD_IDS: '1, 3',
      DEV_GUILD_ID: '223456789012345678',
    });
    expect(discord).toMatchObject({
      apiBase: 'http://127.0.0.1:8787/api',
      applicationId: '123456789012345678',
      shardCount: 4,
      shardIds: [1, 3],
      devGuildId: '223456789012345678',
    });
  });

  it.each(['gateway', 'single-node'] as const)(
    'GIVEN no DISCORD_TOKEN THEN %s reports it missing with a hint',
    (service) => {
      const [problem] = problems(service, { DISCORD_TOKEN: undefined });
      expect(problem).toMatchObject({ variable: 'DISCORD_TOKEN', message: 'is required but not set' });
      expect(problem?.hint).toContain('Reset Token');
      expect(problem?.hint).toContain('npm run sim');
    },
  );

  it('GIVEN a blank DISCORD_TOKEN THEN it counts as missing', () => {
    expect(variables(problems('gateway', { DISCORD_TOKEN: '   ' }))).toEqual(['DISCORD_TOKEN']);
  });

  it('GIVEN invalid values THEN every one is reported', () => {
    const found = problems('gateway', {
      DISCORD_API_BASE: 'discord.com',
      DISCORD_APPLICATION_ID: 'abc',
      SHARD_COUNT: '0',
      SHARD_IDS: '0,x',
      DEV_GUILD_ID: '12',
    });
    expect(variables(found).sort()).toEqual([
      'DEV_GUILD_ID',
      'DISCORD_API_BASE',
      'DISCORD_APPLICATION_ID',
      'SHARD_COUNT',
      'SHARD_IDS',
    ]);
  });

  it('GIVEN SHARD_IDS with SHARD_COUNT=auto THEN it asks for a numeric count', () => {
    const [problem] = problems('gateway', { SHARD_IDS: '0' });
    expect(problem).toMatchObject({ variable: 'SHARD_IDS', message: 'needs SHARD_COUNT set to a number' });
  });

  it('GIVEN a shard id not below SHARD_COUNT THEN it is refused', () => {
    const [problem] = problems('single-node', { SHARD_COUNT: '2', SHARD_IDS: '0,2' });
    expect(problem?.variable).toBe('SHARD_IDS');
    expect(problem?.message).toContain('0 to 1');
  });
});
