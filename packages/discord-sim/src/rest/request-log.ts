/** One REST request as the simulator answered it. */
export interface RequestRecord {
  readonly seq: number;
  /** Unix ms when the request arrived. */
  readonly at: number;
  readonly method: string;
  readonly path: string;
  /** The route template (`POST /channels/:channelId/messages`), null for unknown routes. */
  readonly route: string | null;
  readonly status: number;
  readonly bucket?: string;
  /** Seconds, as in the 429 body. */
  readonly retryAfter?: number;
  readonly global?: boolean;
  /** The bot behind the request's token, when it had one. */
  readonly applicationId?: string;
  /** Set when the answer came from an injected fault. */
  readonly fault?: boolean;
}

/** The last N REST requests, for `GET /_sim/requests?since=`. */
export class RequestLog {
  private readonly records: RequestRecord[] = [];
  private seq = 0;

  public constructor(private readonly capacity: number) {}

  public add(record: Omit<RequestRecord, 'seq'>): void {
    this.seq += 1;
    this.records.push({ seq: this.seq, ...record });
    if (this.records.length > this.capacity) this.records.splice(0, this.records.length - this.capacity);
  }

  /** Records that arrived at or after `sinceMs` (all when omitted). */
  public since(sinceMs = 0): RequestRecord[] {
    return this.records.filter((r) => r.at >= sinceMs);
  }
}
