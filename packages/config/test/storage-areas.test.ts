import { describe, expect, it } from 'vitest';
import { problems, valid, variables } from './support.js';

describe('database and redis areas', () => {
  it('GIVEN nothing set THEN the embedded database in ./data and the in-process bus are chosen', () => {
    const config = valid('api');
    expect(config.database).toEqual({ url: undefined, dataDir: './data' });
    expect(config.redis).toEqual({ url: undefined });
  });

  it('GIVEN URLs and a data dir THEN they are used', () => {
    const config = valid('worker', {
      DATABASE_URL: 'postgres://bot:pw@db:5432/bot',
      DATA_DIR: '/var/lib/bot',
      REDIS_URL: 'rediss://cache:6380',
    });
    expect(config.database).toEqual({ url: 'postgres://bot:pw@db:5432/bot', dataDir: '/var/lib/bot' });
    expect(config.redis.url).toBe('rediss://cache:6380');
  });

  it('GIVEN an empty value (a copied .env.example) THEN it counts as unset', () => {
    expect(valid('worker', { DATABASE_URL: '', REDIS_URL: '' }).database.url).toBeUndefined();
  });

  it('GIVEN the wrong scheme or no URL THEN both are reported', () => {
    const found = problems('gateway', { DATABASE_URL: 'mysql://db/bot', REDIS_URL: 'localhost:6379' });
    expect(variables(found).sort()).toEqual(['DATABASE_URL', 'REDIS_URL']);
    expect(variables(problems('worker', { REDIS_URL: 'redis:/no-authority' }))).toEqual(['REDIS_URL']);
    expect(found.find((p) => p.variable === 'DATABASE_URL')?.message).toContain('postgres://');
  });
});
