import { AppError, type AppErrorOptions } from '@discord-bot/errors';

/** Codes of {@link DatabaseError}. */
export type DatabaseErrorCode =
  /** PostgreSQL cannot be reached or dropped the connection: retrying later may work. */
  | 'DATABASE_UNAVAILABLE'
  /** A statement failed for another reason (bad data, a bug). */
  | 'DATABASE_QUERY_FAILED'
  /** A constraint the caller did not expect was violated. */
  | 'DATABASE_CONSTRAINT_VIOLATION'
  /** Applying migrations failed or timed out waiting for another service's lock. */
  | 'DATABASE_MIGRATION_FAILED'
  /** The database was used after `close()`. */
  | 'DATABASE_CLOSED';

/** Extra facts a {@link DatabaseError} carries; never SQL parameters, which may hold secrets. */
export interface DatabaseErrorOptions extends AppErrorOptions {
  readonly repository?: string;
  readonly method?: string;
  /** PostgreSQL SQLSTATE (`23505`, `08006`, ...) when the server reported one. */
  readonly sqlState?: string;
  readonly constraint?: string;
}

/**
 * Infrastructure failure of the database. Thrown, not returned: callers cannot handle it locally, they let it
 * reach the command or request boundary.
 */
export class DatabaseError extends AppError {
  declare public readonly code: DatabaseErrorCode;
  public readonly repository: string | undefined;
  public readonly method: string | undefined;
  public readonly sqlState: string | undefined;

  public constructor(code: DatabaseErrorCode, message: string, options: DatabaseErrorOptions = {}) {
    super(code, message, {
      cause: options.cause,
      details: {
        ...options.details,
        ...(options.repository === undefined ? {} : { repository: options.repository }),
        ...(options.method === undefined ? {} : { method: options.method }),
        ...(options.sqlState === undefined ? {} : { sqlState: options.sqlState }),
        ...(options.constraint === undefined ? {} : { constraint: options.constraint }),
      },
    });
    this.repository = options.repository;
    this.method = options.method;
    this.sqlState = options.sqlState;
  }

  /** True when retrying later could succeed (the server is down or restarting). */
  public get retryable(): boolean {
    return this.code === 'DATABASE_UNAVAILABLE';
  }
}
