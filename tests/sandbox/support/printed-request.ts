/** A `curl` line the sandbox prints, as a request `fetch` can send. */
export interface PrintedRequest {
  readonly url: string;
  /** The JSON body after `-d` (a POST), absent for a GET. */
  readonly body?: string;
}

/** `curl -s URL` or `curl -s 'URL'`, optionally `-H 'content-type: application/json' -d 'JSON'`. */
const CURL_LINE = /^\s*curl -s '?([^'\s]+)'?(?: -H 'content-type: application\/json' -d '(.*)')?\s*$/;

/**
 * The request printed on the line after the comment that starts with `# <comment>`, with `placeholders`
 * (e.g. `<interaction id>`) filled in. Throws when the output has no such comment or the line is no curl.
 */
export function printedRequest(
  output: string,
  comment: string,
  placeholders: Readonly<Record<string, string>> = {},
): PrintedRequest {
  const lines = output.split('\n');
  const at = lines.findIndex((line) => line.trim().startsWith(`# ${comment}`));
  const curl = at === -1 ? undefined : lines[at + 1];
  let text = curl ?? '';
  for (const [placeholder, value] of Object.entries(placeholders)) text = text.replaceAll(placeholder, value);
  const match = CURL_LINE.exec(text);
  if (match?.[1] === undefined) throw new Error(`no curl line after "# ${comment}" in:\n${output}`);
  return match[2] === undefined ? { url: match[1] } : { url: match[1], body: match[2] };
}

/** Sends a printed request as curl would and returns the JSON answer; rejects on a non-2xx status. */
export async function sendPrinted(request: PrintedRequest): Promise<unknown> {
  const response = await fetch(
    request.url,
    request.body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body },
  );
  if (!response.ok) throw new Error(`${request.url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}
