/**
 * The failure a Lavalink v4 REST answer reports, or undefined when it is not an error. A failing node answers
 * an HTTP error with `{ timestamp, status, error, message, path }`, and lavalink-client hands that body back
 * as if it were the result, so every answer the backend relies on goes through here.
 */
export function nodeErrorOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { status, error } = body as { status?: unknown; error?: unknown };
  if (typeof status !== 'number' || status < 400 || typeof error !== 'string') return undefined;
  return `the audio node answered ${status} ${error}`;
}
