/** Sliding-window counter of payloads a client sent (Discord: 120 per 60 s per connection). */
export class SendBudget {
  private readonly sentAt: number[] = [];

  public constructor(
    private readonly perWindow: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one payload; false once the window holds more than allowed. */
  public take(): boolean {
    const now = this.now();
    while (this.sentAt.length > 0 && (this.sentAt[0] ?? 0) <= now - this.windowMs) this.sentAt.shift();
    this.sentAt.push(now);
    return this.sentAt.length <= this.perWindow;
  }
}
