import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toneWav, type ToneSpec } from './tone-wav.js';

/** A named tone served as `/<name>.wav`. */
export interface ServedTone extends ToneSpec {
  readonly name: string;
}

/** A running {@link startToneServer}. */
export interface ToneServer {
  /** `http://127.0.0.1:PORT` */
  readonly baseUrl: string;
  /** The URL of a served tone. */
  urlOf(name: string): string;
  close(): Promise<void>;
}

function parseRange(header: string | undefined, size: number): { start: number; end: number } | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header ?? '');
  if (match === null) return undefined;
  const start = match[1] === '' ? size - Number(match[2]) : Number(match[1]);
  const end = match[1] !== '' && match[2] !== '' ? Math.min(Number(match[2]), size - 1) : size - 1;
  return start >= 0 && start <= end ? { start, end } : undefined;
}

/**
 * Serves generated tones over HTTP on loopback (the audio node plays them as any HTTP source; allow
 * `127.0.0.1` in `AUDIO_NODE_HTTP_ALLOWLIST`). Supports byte ranges, which seeking uses.
 */
export async function startToneServer(tones: readonly ServedTone[], port = 0): Promise<ToneServer> {
  const files = new Map(tones.map((tone) => [`/${tone.name}.wav`, toneWav(tone)]));
  const server: Server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://localhost').pathname);
    if (file === undefined || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404).end();
      return;
    }
    const range = parseRange(request.headers.range, file.length);
    const headers = { 'content-type': 'audio/wav', 'accept-ranges': 'bytes' };
    if (range === undefined) {
      response.writeHead(200, { ...headers, 'content-length': file.length });
      response.end(request.method === 'HEAD' ? undefined : file);
      return;
    }
    response.writeHead(206, {
      ...headers,
      'content-length': range.end - range.start + 1,
      'content-range': `bytes ${range.start}-${range.end}/${file.length}`,
    });
    response.end(request.method === 'HEAD' ? undefined : file.subarray(range.start, range.end + 1));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    baseUrl,
    urlOf: (name) => `${baseUrl}/${name}.wav`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
