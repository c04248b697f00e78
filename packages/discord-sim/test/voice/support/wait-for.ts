/**
 * Polls `read` until `accept` holds, returning the accepted value; rejects after `timeoutMs` with the last
 * value seen, so a failure says what was observed.
 */
export async function waitFor<T>(
  read: () => T,
  accept: (value: T) => boolean,
  {
    timeoutMs = 10_000,
    intervalMs = 50,
    what = 'condition',
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
