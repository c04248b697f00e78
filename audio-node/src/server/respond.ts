import { STATUS_CODES, type ServerResponse } from 'node:http';

/** Every response carries it, as Lavalink's do. */
export const API_VERSION_HEADER = ['Lavalink-Api-Version', '4'] as const;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    [API_VERSION_HEADER[0]]: API_VERSION_HEADER[1],
  });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    [API_VERSION_HEADER[0]]: API_VERSION_HEADER[1],
  });
  res.end(text);
}

export function sendBytes(res: ServerResponse, status: number, bytes: Uint8Array, contentType: string): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': bytes.length,
    'Cache-Control': 'private, max-age=86400',
    [API_VERSION_HEADER[0]]: API_VERSION_HEADER[1],
  });
  res.end(bytes);
}

export function sendEmpty(res: ServerResponse, status: number): void {
  res.writeHead(status, { [API_VERSION_HEADER[0]]: API_VERSION_HEADER[1] });
  res.end();
}

/** Lavalink's error body: `{timestamp, status, error, message, path, trace?}`. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  path: string,
  trace?: string,
): void {
  const body: Record<string, unknown> = {
    timestamp: Date.now(),
    status,
    error: STATUS_CODES[status] ?? 'Error',
    message,
    path,
  };
  if (trace !== undefined) body.trace = trace;
  sendJson(res, status, body);
}
