import { WebSocket } from 'ws';

export interface GatewayPayload {
  readonly op: number;
  readonly d: unknown;
  readonly s: number | null;
  readonly t: string | null;
}

/** A bare gateway client for protocol tests: records every payload and the close code. */
export class RawGatewayClient {
  public readonly payloads: GatewayPayload[] = [];
  public readonly closed: Promise<{ code: number; reason: string }>;
  private readonly ws: WebSocket;
  private wakers: (() => void)[] = [];

  private constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('message', (data) => {
      this.payloads.push(JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as GatewayPayload);
      this.wake();
    });
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.wake();
      });
    });
  }

  public static async connect(gatewayUrl: string): Promise<RawGatewayClient> {
    const client = new RawGatewayClient(`${gatewayUrl}?v=10&encoding=json`);
    await new Promise<void>((resolve, reject) => {
      client.ws.once('open', () => resolve());
      client.ws.once('error', reject);
    });
    return client;
  }

  /** Connects and identifies; resolves once READY arrived. */
  public static async identify(
    gatewayUrl: string,
    token: string,
    intents: number,
    shard: [number, number] = [0, 1],
  ): Promise<RawGatewayClient> {
    const client = await RawGatewayClient.connect(gatewayUrl);
    await client.next((p) => p.op === 10);
    client.send({
      op: 2,
      d: { token, intents, shard, properties: { os: 'linux', browser: 'test', device: 'test' } },
    });
    await client.dispatch('READY');
    return client;
  }

  public get lastSeq(): number {
    return this.payloads.reduce((max, p) => Math.max(max, p.s ?? 0), 0);
  }

  public dispatches(t: string): GatewayPayload[] {
    return this.payloads.filter((p) => p.op === 0 && p.t === t);
  }

  public send(payload: unknown): void {
    this.ws.send(typeof payload === 'string' ? payload : JSON.stringify(payload));
  }

  /** The first payload matching (already received or the next), within `timeoutMs`. */
  public async next(match: (p: GatewayPayload) => boolean, timeoutMs = 5_000): Promise<GatewayPayload> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.payloads.find(match);
      if (found !== undefined) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        throw new Error(`no matching payload in ${timeoutMs} ms; got ${JSON.stringify(this.payloads)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wakers.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  public dispatch(
    t: string,
    match: (d: Record<string, unknown>) => boolean = () => true,
  ): Promise<GatewayPayload> {
    return this.next((p) => p.op === 0 && p.t === t && match(p.d as Record<string, unknown>));
  }

  /** Drops the connection without a close frame. */
  public terminate(): void {
    this.ws.terminate();
  }

  public close(code = 1000): void {
    this.ws.close(code);
  }

  private wake(): void {
    const wakers = this.wakers;
    this.wakers = [];
    for (const wake of wakers) wake();
  }
}
