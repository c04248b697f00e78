import { isAppError } from '@discord-bot/errors';
import { DatabaseError, type DatabaseErrorCode } from './database-error.js';
import { driverErrorOf, pgErrorFields } from './pg-error.js';

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
]);

/** SQLSTATE classes meaning "the server is not there right now". */
function isUnavailableState(sqlState: string): boolean {
  return (
    sqlState.startsWith('08') || // connection exception
    sqlState === '57P01' || // admin shutdown
    sqlState === '57P02' || // crash shutdown
    sqlState === '57P03' || // cannot connect now (starting up)
    sqlState === '53300' // too many connections
  );
}

function classify(driverError: unknown, sqlState: string | undefined): DatabaseErrorCode {
  if (sqlState !== undefined) {
    if (isUnavailableState(sqlState)) return 'DATABASE_UNAVAILABLE';
    if (sqlState.startsWith('23')) return 'DATABASE_CONSTRAINT_VIOLATION';
    return 'DATABASE_QUERY_FAILED';
  }
  if (driverError instanceof Error) {
    const code = (driverError as { code?: unknown }).code;
    if (typeof code === 'string' && CONNECTION_ERROR_CODES.has(code)) return 'DATABASE_UNAVAILABLE';
    if (
      /connection terminated|timeout exceeded when trying to connect|not queryable/i.test(driverError.message)
    ) {
      return 'DATABASE_UNAVAILABLE';
    }
    if (/cannot use a pool after calling end|closed/i.test(driverError.message)) return 'DATABASE_CLOSED';
  }
  return 'DATABASE_QUERY_FAILED';
}

/**
 * Turns whatever a driver threw into a {@link DatabaseError} naming the repository method. The message is
 * fixed text plus the SQLSTATE: it never contains the query or its parameters. Errors that already are
 * {@link AppError}s pass through unchanged.
 */
export function toDatabaseError(error: unknown, repository: string, method: string): Error {
  if (isAppError(error)) return error;
  const driverError = driverErrorOf(error);
  const { code: sqlState, constraint } = pgErrorFields(driverError);
  const code = classify(driverError, sqlState);
  return new DatabaseError(code, `${repository}.${method} failed (${sqlState ?? code})`, {
    cause: driverError,
    repository,
    method,
    ...(sqlState === undefined ? {} : { sqlState }),
    ...(constraint === undefined ? {} : { constraint }),
  });
}
