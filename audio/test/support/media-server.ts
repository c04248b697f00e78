import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A served file; `servesBeforeFailing` makes later requests answer 503 (a track that loads, then fails), and
 * `delayMs` holds every answer that long (a slow server).
 */
export type MediaFile =
  Buffer | { readonly body: Buffer; readonly servesBeforeFailing?: number; readonly delayMs?: number };

/** A loopback HTTP server of files: the music of the tests. */
export interface MediaServer {
  readonly url: string;
  /** Adds or replaces a file (playlists name the server's own URL, known once it listens). */
  put(path: string, file: MediaFile): void;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = { wav: 'audio/wav', m3u: 'audio/x-mpegurl' };

/** Serves `files` on 127.0.0.1; any other path is 404. Supports byte ranges. */
export async function startMediaServer(initial: Readonly<Record<string, MediaFile>>): Promise<MediaServer> {
  const files = new Map(Object.entries(initial));
  const served = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = request.url ?? '';
    const file = files.get(path);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    const count = (served.get(path) ?? 0) + 1;
    served.set(path, count);
    if (
      !Buffer.isBuffer(file) &&
      file.servesBeforeFailing !== undefined &&
      count > file.servesBeforeFailing
    ) {
      response.writeHead(503).end();
      return;
    }
    const delayMs = Buffer.isBuffer(file) ? 0 : (file.delayMs ?? 0);
    if (delayMs > 0) {
      setTimeout(() => serve(file, request, response, path), delayMs);
      return;
    }
    serve(file, request, response, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    put: (path, file) => void files.set(path, file),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function serve(file: MediaFile, request: IncomingMessage, response: ServerResponse, path: string): void {
  const body = Buffer.isBuffer(file) ? file : file.body;
  const range = /^bytes=(\d+)-/.exec(request.headers.range ?? '');
  const start = range === null ? 0 : Number(range[1]);
  response.writeHead(range === null ? 200 : 206, {
    'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
    'content-length': body.length - start,
    'accept-ranges': 'bytes',
    ...(range === null ? {} : { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }),
  });
  response.end(body.subarray(start));
}
