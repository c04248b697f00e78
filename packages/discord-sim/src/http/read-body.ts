import type { IncomingMessage } from 'node:http';

/** Largest request body the simulator reads (Discord's attachment limit is larger; no test needs it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

export type BodyResult =
  | { readonly kind: 'empty' }
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'invalid'; readonly reason: string };

async function readRaw(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a request body as Discord accepts it: JSON, or multipart with the JSON in `payload_json`
 * (how discord.js sends messages with files; the files themselves are not kept).
 */
export async function readBody(req: IncomingMessage): Promise<BodyResult> {
  const raw = await readRaw(req);
  if (raw === null) return { kind: 'invalid', reason: 'body too large' };
  if (raw.length === 0) return { kind: 'empty' };
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const payload = form.get('payload_json');
      return typeof payload === 'string'
        ? { kind: 'json', value: JSON.parse(payload) }
        : { kind: 'json', value: {} };
    } catch {
      return { kind: 'invalid', reason: 'malformed multipart body' };
    }
  }
  try {
    return { kind: 'json', value: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { kind: 'invalid', reason: 'invalid JSON' };
  }
}
