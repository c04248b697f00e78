/**
 * `/v4/websocket`: authenticates the upgrade (401 wrong password, 400 missing `User-Id`), creates or
 * resumes a session (`Session-Id` header, `Session-Resumed` response header), sends `ready` then `stats`.
 * Messages from clients are ignored: all control is REST.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { passwordMatches } from '../server/auth.js';
import type { NodeContext } from '../server/node-context.js';
import type { Session } from '../sessions/session.js';

const RESUMED = Symbol('sessionResumed');
type UpgradeRequest = IncomingMessage & { [RESUMED]?: Session | undefined };

function reject(socket: Duplex, status: number, reason: string): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nLavalink-Api-Version: 4\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
  );
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export class WebSocketGateway {
  private readonly server = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  /** Sockets that answered the last ping (or are new). */
  private readonly alive = new WeakSet<WebSocket>();

  public constructor(private readonly node: NodeContext) {
    this.server.on('headers', (headers, req: UpgradeRequest) => {
      headers.push(`Session-Resumed: ${req[RESUMED] !== undefined}`, 'Lavalink-Api-Version: 4');
    });
  }

  /** Handles an HTTP upgrade; anything but `/v4/websocket` is refused. */
  public handleUpgrade(req: UpgradeRequest, socket: Duplex, head: Buffer): void {
    const path = new URL(req.url ?? '/', 'http://node').pathname;
    if (path !== '/v4/websocket') return reject(socket, 404, 'Not Found');
    if (!passwordMatches(header(req, 'authorization'), this.node.password))
      return reject(socket, 401, 'Unauthorized');
    const userId = header(req, 'user-id');
    if (userId === undefined || !/^\d+$/.test(userId) || /^0+$/.test(userId))
      return reject(socket, 400, 'Bad Request');
    const clientName = header(req, 'client-name');
    if (clientName === undefined) this.node.logger.warn('WebSocket client connected without Client-Name');
    const sessionId = header(req, 'session-id');
    req[RESUMED] = sessionId === undefined ? undefined : this.node.registry.getResumable(sessionId, userId);
    this.server.handleUpgrade(req, socket, head, (ws) => {
      const session = req[RESUMED] ?? this.node.registry.create(userId, clientName ?? 'unknown');
      this.attach(session, ws, req[RESUMED] !== undefined);
    });
  }

  private attach(session: Session, ws: WebSocket, resumed: boolean): void {
    const log = this.node.logger.child({ sessionId: session.id, client: session.clientName });
    log.info({ resumed }, 'WebSocket session connected');
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
    session.attach(ws, resumed);
    session.send({ op: 'stats', ...this.node.stats.build(true) });
    ws.on('error', (error) => log.warn({ err: error }, 'WebSocket error'));
    ws.on('close', (code) => {
      log.info({ code, resuming: session.resuming }, 'WebSocket session closed');
      if (!session.owns(ws)) return; // replaced by a resume, or the session was destroyed
      session.detach(() => {
        log.info('session ended');
        this.node.registry.end(session);
      });
    });
  }

  /** Sends `stats` to every connected session (every 60 s). */
  public broadcastStats(): void {
    const stats = { op: 'stats', ...this.node.stats.build(true) };
    for (const session of this.node.registry.all()) if (!session.paused) session.send(stats);
  }

  /** Sends `playerUpdate` for every player with a track (every 5 s). */
  public broadcastPlayerUpdates(): void {
    for (const session of this.node.registry.all()) {
      if (session.paused) continue;
      for (const player of session.players.values()) if (player.track !== null) player.sendUpdate();
    }
  }

  /**
   * Pings every socket; one that did not answer the previous ping is dead (a client whose machine vanished
   * never closes TCP) and is terminated, so its session pauses for resuming instead of hanging forever.
   */
  public heartbeat(): void {
    for (const ws of this.server.clients) {
      if (!this.alive.has(ws)) {
        this.node.logger.warn('WebSocket client stopped answering pings; terminating');
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }

  public close(): void {
    this.server.close();
  }
}
