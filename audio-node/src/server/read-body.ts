import type { IncomingMessage } from 'node:http';
import { HttpError } from './http-error.js';

/** Largest REST body accepted (a `decodetracks` list of a few thousand tracks fits). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Reads and parses a JSON body; `undefined` when empty. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    length += chunk.length;
    if (length > MAX_BODY_BYTES) throw new HttpError(413, `Body larger than ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  if (length === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'Body is not valid JSON');
  }
}
