/**
 * A GET for SHOUTcast v1 servers, which answer `ICY 200 OK` instead of `HTTP/1.x`: Node's HTTP parser
 * rejects that status line, so this speaks just enough HTTP/1.0 over a raw (TLS) socket to the already
 * checked address: one request, headers up to the blank line, then the body as a stream.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { connect as netConnect, type Socket } from 'node:net';
import { PassThrough, type Readable } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { SourceAccessError } from './source-access-error.js';

/** Largest header block accepted from an ICY server. */
export const MAX_ICY_HEADER_BYTES = 16 * 1024;

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Readable;
}

/** True for the parse error Node raises on an `ICY 200 OK` status line. */
export function isIcyParseError(error: unknown): boolean {
  const { code, rawPacket } = error as { code?: string; rawPacket?: unknown };
  return (
    code === 'HPE_INVALID_CONSTANT' &&
    Buffer.isBuffer(rawPacket) &&
    rawPacket.toString('latin1', 0, 4) === 'ICY '
  );
}

function parseHead(head: string): { statusCode: number; headers: IncomingHttpHeaders } | null {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const status = /^(?:ICY|HTTP\/1\.[01]) (\d{3})/.exec(statusLine);
  if (status === null) return null;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { statusCode: Number(status[1]), headers };
}

export function icyRequest(
  url: URL,
  address: string,
  headers: Readonly<Record<string, string>>,
  idleTimeoutMs: number,
): Promise<RawResponse> {
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const socket: Socket =
    url.protocol === 'https:'
      ? tlsConnect({ host: address, port, servername: url.hostname.replace(/^\[|\]$/g, '') })
      : netConnect({ host: address, port });
  const lines = [`GET ${url.pathname}${url.search} HTTP/1.0`, `Host: ${url.host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  socket.setTimeout(idleTimeoutMs, () => {
    socket.destroy(
      new SourceAccessError('SOURCE_TIMEOUT', `No data from ${url.host} for ${idleTimeoutMs} ms`),
    );
  });
  return new Promise((resolve, reject) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const end = buffered.indexOf('\r\n\r\n');
      if (end < 0) {
        if (buffered.length > MAX_ICY_HEADER_BYTES)
          fail(new SourceAccessError('SOURCE_TOO_LARGE', `Headers from ${url.host} too large`));
        return;
      }
      socket.off('data', onData);
      const parsed = parseHead(buffered.subarray(0, end).toString('latin1'));
      if (parsed === null)
        return fail(new SourceAccessError('SOURCE_NOT_FOUND', `Not an HTTP or ICY answer from ${url.host}`));
      const body = new PassThrough();
      body.write(buffered.subarray(end + 4));
      socket.pipe(body);
      body.once('close', () => socket.destroy());
      socket.once('error', (error) => body.destroy(error));
      resolve({ ...parsed, body });
    };
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.on('data', onData);
    socket.once('error', (cause) =>
      fail(
        new SourceAccessError('SOURCE_NOT_FOUND', `Could not fetch ${url.href}: ${cause.message}`, { cause }),
      ),
    );
  });
}
