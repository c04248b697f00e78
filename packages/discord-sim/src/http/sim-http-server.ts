import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from '@discord-bot/logger';
import { sendJson } from './send-json.js';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface SimHttpRoutes {
  /** `/api/v10/*`. */
  readonly rest: Handler;
  /** `/_sim/*`. */
  readonly control: Handler;
  /** WebSocket upgrades on `/gateway`. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL): void;
}

export const GATEWAY_PATH = '/gateway';

/** One HTTP server for REST, the control API and the gateway upgrade. */
export function createSimHttpServer(routes: SimHttpRoutes, logger: Logger): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    let handler: Handler | null = null;
    if (url.pathname === '/api/v10' || url.pathname.startsWith('/api/v10/')) handler = routes.rest;
    else if (url.pathname.startsWith('/_sim/')) handler = routes.control;
    if (handler === null) {
      sendJson(res, 404, { message: '404: Not Found', code: 0 });
      return;
    }
    handler(req, res, url).catch((error: unknown) => {
      logger.error({ err: error, path: url.pathname }, 'simulator request failed');
      sendJson(res, 500, { message: '500: Internal Server Error', code: 0 });
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname !== GATEWAY_PATH && url.pathname !== `${GATEWAY_PATH}/`) {
      socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      return;
    }
    routes.upgrade(req, socket, head, url);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  return server;
}
