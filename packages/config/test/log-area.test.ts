import { describe, expect, it } from 'vitest';
import { problems, valid, variables } from './support.js';

describe('log area (NODE_ENV, LOG_LEVEL, LOG_FORMAT)', () => {
  it('GIVEN nothing set THEN info level and pretty lines in development', () => {
    const config = valid('worker');
    expect(config.nodeEnv).toBe('development');
    expect(config.log).toEqual({ level: 'info', pretty: true });
  });

  it('GIVEN NODE_ENV=production THEN JSON lines unless LOG_FORMAT says pretty', () => {
    expect(valid('worker', { NODE_ENV: 'production' }).log.pretty).toBe(false);
    expect(valid('worker', { NODE_ENV: 'production', LOG_FORMAT: 'pretty' }).log.pretty).toBe(true);
    expect(valid('worker', { LOG_FORMAT: 'json' }).log.pretty).toBe(false);
  });

  it('GIVEN a valid LOG_LEVEL THEN it is used', () => {
    expect(valid('api', { LOG_LEVEL: 'debug' }).log.level).toBe('debug');
  });

  it('GIVEN unknown values THEN each variable is reported with the accepted values', () => {
    const found = problems('api', { LOG_LEVEL: 'loud', LOG_FORMAT: 'xml', NODE_ENV: 'staging' });
    expect(variables(found).sort()).toEqual(['LOG_FORMAT', 'LOG_LEVEL', 'NODE_ENV']);
    expect(found.find((p) => p.variable === 'LOG_LEVEL')?.message).toContain('debug');
  });
});
