import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Every key starts with this, so secret scanners and people recognise it. */
export const API_KEY_TOKEN_PREFIX = 'dbk';

const TOKEN_SHAPE = /^dbk_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** A freshly made key: the token is shown to its owner once; only `prefix` and `hash` are stored. */
export interface NewApiKeyToken {
  readonly token: string;
  readonly prefix: string;
  readonly hash: string;
}

/** sha256 of the whole token, hex. Keys are 256-bit random, so a fast hash is enough (no brute force). */
export function hashApiKeyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Makes `dbk_<12 hex lookup prefix>_<43 chars of base64url secret>`. */
export function generateApiKeyToken(): NewApiKeyToken {
  const prefix = randomBytes(6).toString('hex');
  const token = `${API_KEY_TOKEN_PREFIX}_${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, prefix, hash: hashApiKeyToken(token) };
}

/** The lookup prefix of a well-formed token, else undefined. */
export function parseApiKeyToken(token: string): string | undefined {
  return TOKEN_SHAPE.exec(token)?.[1];
}

/** Compares a token against a stored hash in constant time. */
export function apiKeyTokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashApiKeyToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
