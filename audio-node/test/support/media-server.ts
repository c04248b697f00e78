/**
 * A local HTTP server (127.0.0.1) serving test media: files with Range support, endless Icecast-style
 * radio streams, playlists, redirects and servers that stall. Tests allowlist 127.0.0.1 to reach it.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type MediaRoute =
  | { readonly kind: 'file'; readonly body: Buffer; readonly type: string }
  | {
      readonly kind: 'radio';
      readonly name: string;
      /** Sent every 20 ms; with `bytesPerSecond`, looped end to end at that rate instead. */
      readonly chunk: Buffer;
      readonly type: string;
      /** Real-time pacing of a looped stream (the bitrate / 8), as a live encoder sends it. */
      readonly bytesPerSecond?: number;
      /** Bytes sent at once on connect, as Icecast's burst-on-connect does (default 0). */
      readonly burstBytes?: number;
    }
  | { readonly kind: 'redirect'; readonly location: string; readonly status?: number }
  | { readonly kind: 'status'; readonly status: number }
  /**
   * Answers nothing at all (`headers: false`), or sends headers and `head`, then nothing more: the
   * connection stays open and silent until the client gives up.
   */
  | { readonly kind: 'stall'; readonly headers: boolean; readonly type?: string; readonly head?: Buffer };

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

const RADIO_TICK_MS = 20;

function serveRadio(res: ServerResponse, route: Extract<MediaRoute, { kind: 'radio' }>): void {
  const { chunk, bytesPerSecond } = route;
  res.writeHead(200, { 'Content-Type': route.type, 'icy-name': route.name, 'icy-br': '128' });
  if (bytesPerSecond === undefined) {
    const timer = setInterval(() => res.write(chunk), RADIO_TICK_MS);
    res.write(chunk);
    res.on('close', () => clearInterval(timer));
    return;
  }
  let offset = 0;
  const take = (count: number): Buffer => {
    const parts: Buffer[] = [];
    for (let left = count; left > 0;) {
      const piece = chunk.subarray(offset, offset + left);
      parts.push(piece);
      left -= piece.length;
      offset = (offset + piece.length) % chunk.length;
    }
    return Buffer.concat(parts);
  };
  // Paced by the wall clock, not by counting ticks: timers fire late, and a stream that falls behind real
  // time would run the player dry.
  const startedAt = Date.now();
  let sent = 0;
  const burst = route.burstBytes ?? 0;
  const timer = setInterval(() => {
    const due = burst + Math.floor(((Date.now() - startedAt) * bytesPerSecond) / 1_000);
    if (due > sent) res.write(take(due - sent));
    sent = Math.max(sent, due);
  }, RADIO_TICK_MS);
  if (burst > 0) res.write(take(burst));
  sent = burst;
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
    if (route.kind === 'radio') return serveRadio(res, route);
    if (route.kind === 'stall') {
      if (!route.headers) return;
      res.writeHead(200, { 'Content-Type': route.type ?? 'audio/mpeg' });
      res.flushHeaders();
      if (route.head !== undefined) res.write(route.head);
      return;
    }
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
