import type { Result } from '@discord-bot/errors';
import type { Executor } from './executor.js';
import type { DatabaseMetrics } from './metrics.js';
import { createRepositories, type Repositories } from './repositories/repositories.js';

/**
 * Runs `fn` in a transaction on `db` with repositories bound to it. What `fn` throws reaches the caller
 * unchanged (and is not counted as a database error); only BEGIN/COMMIT failures become DatabaseErrors.
 */
export function runTransaction<T>(
  db: Executor,
  metrics: DatabaseMetrics,
  fn: (tx: Repositories) => Promise<T>,
): Promise<T> {
  const thrownByCallback = new WeakSet<object>();
  const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
  return metrics.observe(
    'database',
    'transaction',
    () =>
      db.transaction(async (tx) => {
        try {
          return await fn(createRepositories(tx, metrics));
        } catch (error) {
          if (isObject(error)) thrownByCallback.add(error);
          throw error;
        }
      }),
    { isCallerError: (error) => isObject(error) && thrownByCallback.has(error) },
  );
}

/** Carries an `err` result through the driver's transaction to make it roll back. */
class RollbackSignal<E> extends Error {
  public constructor(public readonly result: { readonly ok: false; readonly error: E }) {
    super('rolled back on an err result');
  }
}

/** {@link runTransaction} for callbacks returning a Result: an `err` rolls back and is returned as is. */
export async function runResultTransaction<T, E>(
  db: Executor,
  metrics: DatabaseMetrics,
  fn: (tx: Repositories) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await runTransaction(db, metrics, async (tx) => {
      const result = await fn(tx);
      if (!result.ok) throw new RollbackSignal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackSignal) return (error as RollbackSignal<E>).result;
    throw error;
  }
}
