import { WebSocket } from 'ws';

export interface VoiceMessage {
  readonly op: number;
  readonly d: unknown;
  readonly seq?: number;
}

/**
 * A bare voice gateway client for protocol tests: connects with TLS verification on (trusting only what the
 * process trusts), records every message and the close code.
 */
export class RawVoiceClient {
  public readonly messages: VoiceMessage[] = [];
  public readonly closed: Promise<{ code: number; reason: string }>;
  private readonly ws: WebSocket;
  private waiters: (() => void)[] = [];

  private constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data, isBinary) => {
      if (!isBinary)
        this.messages.push(JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as VoiceMessage);
      for (const wake of this.waiters) wake();
    });
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
    });
  }

  /** Opens `wss://${endpoint}?v=8`, resolving once the socket is open. */
  public static async connect(endpoint: string, query = '?v=8'): Promise<RawVoiceClient> {
    const client = new RawVoiceClient(`wss://${endpoint}${query}`);
    await new Promise<void>((resolve, reject) => {
      client.ws.once('open', () => resolve());
      client.ws.once('error', reject);
    });
    return client;
  }

  public send(payload: unknown): void {
    this.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  public sendBinary(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: true });
  }

  /** The first message with `op` (already received or the next one), within `timeoutMs`. */
  public async next(op: number, timeoutMs = 5_000): Promise<VoiceMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find((message) => message.op === op);
      if (found !== undefined) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`no op ${op} within ${timeoutMs} ms; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
      this.waiters = [];
    }
  }

  public close(): void {
    this.ws.close(1_000);
  }
}
