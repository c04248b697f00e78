import { AppError } from '@discord-bot/errors';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { DatabaseError } from '../src/index.js';
import { toDatabaseError } from '../src/errors/to-database-error.js';

function pgError(code: string, constraint?: string): Error {
  return Object.assign(new Error('server said no'), {
    code,
    ...(constraint === undefined ? {} : { constraint }),
  });
}

describe('toDatabaseError', () => {
  it.each([
    ['08006', 'DATABASE_UNAVAILABLE'],
    ['57P01', 'DATABASE_UNAVAILABLE'],
    ['53300', 'DATABASE_UNAVAILABLE'],
    ['23505', 'DATABASE_CONSTRAINT_VIOLATION'],
    ['23514', 'DATABASE_CONSTRAINT_VIOLATION'],
    ['42P01', 'DATABASE_QUERY_FAILED'],
  ])('GIVEN SQLSTATE %s THEN the code is %s', (sqlState, code) => {
    const error = toDatabaseError(pgError(sqlState), 'playlist', 'create');
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toMatchObject({ code, sqlState, repository: 'playlist', method: 'create' });
  });

  it('GIVEN a refused socket THEN the error is unavailable and retryable, without a fake SQLSTATE', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = toDatabaseError(refused, 'database', 'ping') as DatabaseError;
    expect(error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryable: true, sqlState: undefined });
  });

  it('GIVEN a Drizzle error listing query parameters THEN the driver error is kept and the parameters are not', () => {
    const secret = 'whsec_do-not-log-me';
    const wrapped = new DrizzleQueryError(
      'insert into webhook_subscriptions ...',
      [secret],
      pgError('23505', 'x'),
    );
    const error = toDatabaseError(wrapped, 'webhook_subscription', 'create') as DatabaseError;
    expect(error.message).not.toContain(secret);
    expect(JSON.stringify(error.toJSON())).not.toContain(secret);
    expect(error.cause).not.toBeInstanceOf(DrizzleQueryError);
    expect(error.details).toMatchObject({ sqlState: '23505', constraint: 'x' });
  });

  it('GIVEN an error that already has a code THEN it passes through unchanged', () => {
    const own = new AppError('SOMETHING_ELSE', 'ours');
    expect(toDatabaseError(own, 'playlist', 'create')).toBe(own);
  });
});
