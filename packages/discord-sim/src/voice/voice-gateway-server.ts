import type { IncomingMessage } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { VoiceGatewayConnection, type VoiceGatewayContext } from './voice-gateway-connection.js';
import { VOICE_GATEWAY_VERSION, VOICE_MAX_PAYLOAD_BYTES } from './voice-protocol.js';
import type { VoiceTlsMaterial } from './voice-server-contract.js';

/** The voice gateway's HTTPS server with a WebSocket endpoint for `?v=8` connections. */
export class VoiceGatewayServer {
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;

  public constructor(
    private readonly tls: VoiceTlsMaterial,
    private readonly context: VoiceGatewayContext,
  ) {}

  /** The bound address; throws before {@link start}. */
  public address(): AddressInfo {
    const address = this.server?.address();
    if (address === null || address === undefined || typeof address === 'string') {
      throw new Error('voice gateway is not started');
    }
    return address;
  }

  public async start(host: string, port = 0): Promise<void> {
    const server = createServer({ key: this.tls.keyPem, cert: this.tls.certPem });
    const wss = new WebSocketServer({
      server,
      maxPayload: VOICE_MAX_PAYLOAD_BYTES,
      verifyClient: (
        { req }: { req: IncomingMessage },
        accept: (ok: boolean, status?: number, reason?: string) => void,
      ) => {
        if (versionOf(req.url) === VOICE_GATEWAY_VERSION) accept(true);
        else accept(false, 400, `only voice gateway v${VOICE_GATEWAY_VERSION} is simulated`);
      },
    });
    wss.on('connection', (ws) => new VoiceGatewayConnection(ws, this.context));
    server.on('request', (_req, res) => {
      res.writeHead(426, { 'content-type': 'text/plain' }).end('voice gateway: connect with a WebSocket\n');
    });
    // TLS handshake failures (an untrusting client) are the client's problem, not a simulator crash.
    server.on('tlsClientError', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.wss = wss;
  }

  public async stop(): Promise<void> {
    const { server, wss } = this;
    this.server = null;
    this.wss = null;
    for (const client of wss?.clients ?? []) client.terminate();
    await new Promise<void>((resolve) => (wss === null ? resolve() : wss.close(() => resolve())));
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server === null ? resolve() : server.close(() => resolve())));
  }
}

/** The `v` query parameter of an upgrade request path, or `null`. */
function versionOf(url: string | undefined): number | null {
  const version = new URL(url ?? '/', 'wss://localhost').searchParams.get('v');
  return version === null ? null : Number(version);
}
