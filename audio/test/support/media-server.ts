import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback HTTP server of fixed files: the music of the tests. */
export interface MediaServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `files` (path -> WAV body) on 127.0.0.1; any other path is 404. Supports byte ranges. */
export async function startMediaServer(files: Readonly<Record<string, Buffer>>): Promise<MediaServer> {
  const server: Server = createServer((request, response) => {
    const body = files[request.url ?? ''];
    if (body === undefined) {
      response.writeHead(404).end();
      return;
    }
    const range = /^bytes=(\d+)-/.exec(request.headers.range ?? '');
    const start = range === null ? 0 : Number(range[1]);
    response.writeHead(range === null ? 200 : 206, {
      'content-type': 'audio/wav',
      'content-length': body.length - start,
      'accept-ranges': 'bytes',
      ...(range === null ? {} : { 'content-range': `bytes ${start}-${body.length - 1}/${body.length}` }),
    });
    response.end(body.subarray(start));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
