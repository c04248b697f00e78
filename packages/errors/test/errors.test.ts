import { describe, expect, it } from 'vitest';
import {
  AppError,
  UserError,
  USER_ERROR_CATALOG,
  err,
  isAppError,
  ok,
  renderUserMessage,
} from '@discord-bot/errors';

describe('errors', () => {
  it('GIVEN an AppError THEN it carries code, cause and a JSON view', () => {
    const cause = new Error('socket closed');
    const error = new AppError('DATABASE_UNAVAILABLE', 'db down', { cause, details: { host: 'pg' } });
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('AppError');
    expect(error.toJSON()).toEqual({
      name: 'AppError',
      code: 'DATABASE_UNAVAILABLE',
      message: 'db down',
      details: { host: 'pg' },
    });
    expect(isAppError(error)).toBe(true);
    expect(isAppError(cause)).toBe(false);
  });

  it('GIVEN a UserError THEN its message comes from the catalog with placeholders filled', () => {
    const error = new UserError('QUEUE_FULL', { max: 500 });
    expect(error.message).toBe('The queue is full (500 tracks).');
    expect(error.httpStatus).toBe(409);
    expect(error).toBeInstanceOf(AppError);
  });

  it('GIVEN a placeholder without context THEN it is left visible rather than blank', () => {
    expect(renderUserMessage('MISSING_PERMISSION')).toContain('{permission}');
  });

  it('GIVEN the catalog THEN every entry has a sentence and a 4xx/5xx status', () => {
    for (const entry of Object.values(USER_ERROR_CATALOG)) {
      expect(entry.message.length).toBeGreaterThan(5);
      expect(entry.httpStatus).toBeGreaterThanOrEqual(400);
    }
  });

  it('GIVEN ok and err THEN results discriminate on ok', () => {
    const results = [ok(1), err('nope')];
    expect(results.map((r) => (r.ok ? r.value : r.error))).toEqual([1, 'nope']);
  });
});
