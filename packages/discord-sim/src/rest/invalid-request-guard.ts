interface Window {
  startedAtMs: number;
  count: number;
}

/** Statuses Discord counts as invalid requests (a 429 with scope "shared" is not counted). */
const INVALID_STATUSES = new Set([401, 403, 429]);

/**
 * Discord's ban on clients (IP addresses) that keep failing: past `limit` invalid requests (401, 403, 429)
 * in `windowMs`, every request is refused until the window ends.
 */
export class InvalidRequestGuard {
  private readonly windows = new Map<string, Window>();

  public constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long `client` stays blocked, ms; 0 when it is not. */
  public blockedFor(client: string): number {
    const window = this.windows.get(client);
    if (window === undefined || window.count < this.limit) return 0;
    return Math.max(0, window.startedAtMs + this.windowMs - this.now());
  }

  public record(client: string, status: number, scope: string | undefined): void {
    if (!INVALID_STATUSES.has(status) || scope === 'shared') return;
    const now = this.now();
    let window = this.windows.get(client);
    if (window === undefined || now >= window.startedAtMs + this.windowMs) {
      window = { startedAtMs: now, count: 0 };
      this.windows.set(client, window);
    }
    window.count += 1;
  }
}
