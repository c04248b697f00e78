/** What `GET /ready` answered. */
export interface ReadyAnswer {
  readonly status: number;
  readonly checks: Readonly<Record<string, { readonly state: string; readonly detail?: string }>>;
}

const POLL_INTERVAL_MS = 200;

/** One `GET /ready`. */
export async function readyAnswer(base: string): Promise<ReadyAnswer> {
  const response = await fetch(`${base}/ready`);
  const body = (await response.json()) as { checks: ReadyAnswer['checks'] };
  return { status: response.status, checks: body.checks };
}

/** Names of the checks that are down, sorted. */
export function downChecks(answer: ReadyAnswer): string[] {
  return Object.entries(answer.checks)
    .filter(([, check]) => check.state === 'down')
    .map(([name]) => name)
    .sort();
}

/**
 * Polls `/ready` until `until` holds or `timeoutMs` passes, and returns the last answer either way, so the
 * caller's assertions show the state it ended in. Dependencies connect in the background after start-up
 * (the embedded audio node, the database), so one early answer says little.
 */
export async function pollReady(
  base: string,
  until: (answer: ReadyAnswer) => boolean,
  timeoutMs: number,
): Promise<ReadyAnswer> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const answer = await readyAnswer(base);
    if (until(answer) || performance.now() >= deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}
