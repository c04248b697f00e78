/** What replaces a redacted value. */
export const REDACTED = '[redacted]';

/** Deepest nesting walked; deeper values are replaced rather than risk leaking or spinning. */
export const MAX_REDACT_DEPTH = 8;

/**
 * Key names whose values are secrets wherever they appear: tokens, passwords, authorization headers,
 * webhook secrets, API keys, connection strings with credentials. Matched case-insensitively on the
 * whole key with `-`/`_` ignored, so `apiKey`, `api_key` and `X-Api-Key` all match.
 */
const SECRET_KEY =
  /^(x)?(token|accesstoken|refreshtoken|bottoken|discordtoken|password|passwd|pass|secret|clientsecret|webhooksecret|signingsecret|authorization|proxyauthorization|cookie|setcookie|apikey|apitoken|privatekey|secretkey|sessiontoken|lavalinkpassword|audionodepassword)$/;

/** Values that look like credentials even under an innocent key. */
const SECRET_VALUE_PATTERNS: readonly RegExp[] = [
  /\b(Bot|Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/g,
  /(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)[^@\s]+@/gi, // credentials inside URLs: scheme://user:pass@host
];

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '');
}

/** True when a property named `key` holds a secret. */
export function isSecretKey(key: string): boolean {
  return (
    SECRET_KEY.test(normaliseKey(key)) ||
    normaliseKey(key).endsWith('token') ||
    normaliseKey(key).endsWith('secret')
  );
}

/** Masks credentials that appear inside free text (`Bot abc…`, `redis://:pw@host`). */
export function redactString(value: string): string {
  let out = value;
  for (const pattern of SECRET_VALUE_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix: string | undefined) =>
      prefix !== undefined && match.endsWith('@')
        ? `${prefix}${REDACTED}@`
        : `${match.split(/\s+/)[0]} ${REDACTED}`,
    );
  }
  return out;
}

/**
 * Returns a copy of `value` with every secret-named property replaced by {@link REDACTED}, at any depth,
 * inside arrays, Maps and Error objects (including `cause` chains). Circular references are cut.
 */
export function redactDeep(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return redactString(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_REDACT_DEPTH) return '[too deep]';
  seen.add(value);

  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1, seen));
  if (value instanceof Map) {
    return redactDeep(Object.fromEntries(value), depth, seen);
  }
  if (Buffer.isBuffer(value)) return `[buffer ${value.length} bytes]`;
  if (value instanceof Date) return value.toISOString();

  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out['type'] = value.name;
    out['message'] = redactString(value.message);
    if (value.stack !== undefined) out['stack'] = redactString(value.stack);
    if (value.cause !== undefined) out['cause'] = redactDeep(value.cause, depth + 1, seen);
  }
  for (const [key, inner] of Object.entries(value)) {
    out[key] = isSecretKey(key) ? REDACTED : redactDeep(inner, depth + 1, seen);
  }
  return out;
}
