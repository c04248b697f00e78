import { RECONNECT_BASE_DELAY_MS, RECONNECT_MAX_ATTEMPTS, RECONNECT_MAX_DELAY_MS } from './constants.js';

/** Exponential backoff with full jitter for reopening a dropped stream; `null` once attempts are used up. */
export class ReconnectBackoff {
  private attempts = 0;

  public constructor(private readonly random: () => number = Math.random) {}

  public nextDelayMs(): number | null {
    if (this.attempts >= RECONNECT_MAX_ATTEMPTS) return null;
    const ceiling = Math.min(RECONNECT_MAX_DELAY_MS, RECONNECT_BASE_DELAY_MS * 2 ** this.attempts);
    this.attempts++;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** Audio flowed again: the next drop starts from the shortest delay. */
  public reset(): void {
    this.attempts = 0;
  }
}
