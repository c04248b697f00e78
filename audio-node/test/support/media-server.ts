/**
 * A local HTTP server (127.0.0.1) serving test media: files with Range support, an endless Icecast-style
 * radio stream, playlists and redirects. Tests allowlist 127.0.0.1 to reach it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MediaRoute =
  | { readonly kind: 'file'; readonly body: Buffer; readonly type: string }
  | { readonly kind: 'radio'; readonly name: string; readonly chunk: Buffer; readonly type: string }
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number }
  | { readonly kind: 'status'; readonly status: number };

export interface MediaServer {
  readonly url: string;
  /** Requests seen, with their Range header. */
  readonly requests: { path: string; range: string | undefined }[];
  close(): Promise<void>;
}

function serveFile(req: IncomingMessage, res: ServerResponse, body: Buffer, type: string): void {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = range?.[1] === undefined ? 0 : Math.min(Number(range[1]), body.length);
  res.writeHead(range === null ? 200 : 206, {
    'Content-Type': type,
    'Content-Length': body.length - start,
    'Accept-Ranges': 'bytes',
    ...(range === null ? {} : { 'Content-Range': `bytes ${start}-${body.length - 1}/${body.length}` }),
  });
  res.end(body.subarray(start));
}

function serveRadio(res: ServerResponse, name: string, chunk: Buffer, type: string): void {
  res.writeHead(200, { 'Content-Type': type, 'icy-name': name, 'icy-br': '128' });
  const timer = setInterval(() => res.write(chunk), 20);
  res.write(chunk);
  res.on('close', () => clearInterval(timer));
}

export async function startMediaServer(routes: Record<string, MediaRoute>): Promise<MediaServer> {
  const requests: MediaServer['requests'] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requests.push({ path, range: req.headers.range });
    const route = routes[path];
    if (route === undefined) return void res.writeHead(404).end();
    if (route.kind === 'file') return serveFile(req, res, route.body, route.type);
    if (route.kind === 'radio') return serveRadio(res, route.name, route.chunk, route.type);
    if (route.kind === 'redirect')
      return void res.writeHead(route.status ?? 302, { Location: route.location }).end();
    res.writeHead(route.status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
