import type { Executor } from '../executor.js';

/**
 * Runs `fn` in a nested transaction (a savepoint inside an open transaction) and returns a constraint
 * failure as a value. The savepoint matters: inside a caller's transaction, a failed statement would
 * otherwise abort the whole transaction, not only this step.
 */
export async function inSavepoint<T>(
  db: Executor,
  fn: (tx: Executor) => Promise<T>,
): Promise<{ readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown }> {
  try {
    return { ok: true, value: await db.transaction(fn) };
  } catch (error) {
    return { ok: false, error };
  }
}
