import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '@discord-bot/errors';

/** How long `waitFor...` helpers wait unless told otherwise. */
export const DEFAULT_WAIT_TIMEOUT_MS = 10_000;
export const WAIT_POLL_INTERVAL_MS = 25;

export interface WaitOptions {
  /** Give up after this long (default {@link DEFAULT_WAIT_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
}

/** A `waitFor...` helper ran out of time; `details.last` holds the last value it saw. */
export class SimulatorWaitTimeoutError extends AppError {
  public constructor(what: string, timeoutMs: number, last: unknown) {
    super(
      'SIM_WAIT_TIMEOUT',
      `timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(last)}`,
      {
        details: { what, timeoutMs, last },
      },
    );
  }
}

/**
 * Polls `read` until `accept` holds and returns that value. `read` may return undefined (nothing yet);
 * `fail` may name a condition that will never resolve (it rejects at once with that message).
 */
export async function pollUntil<T>(
  what: string,
  read: () => T,
  accept: (value: T) => boolean,
  options: WaitOptions & { fail?: (value: T) => string | null } = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    const failure = options.fail?.(value) ?? null;
    if (failure !== null)
      throw new AppError('SIM_WAIT_FAILED', `${what}: ${failure}`, { details: { last: value } });
    if (Date.now() >= deadline) throw new SimulatorWaitTimeoutError(what, timeoutMs, value);
    await sleep(WAIT_POLL_INTERVAL_MS);
  }
}
