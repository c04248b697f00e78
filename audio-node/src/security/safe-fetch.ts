/**
 * HTTP(S) GET that cannot be pointed at internal addresses: every hop's host is resolved, every resolved
 * address is checked against {@link isBlockedAddress}, and the connection is pinned to the checked address
 * (a custom `lookup`), so a DNS answer that changes between check and connect (rebinding) is never used.
 * Redirects are followed by hand, each one checked again, at most {@link DefaultSafeFetchOptions.maxRedirects}.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Readable } from 'node:stream';
import type { HttpAllowlist } from './http-allowlist.js';
import { icyRequest, isIcyParseError, type RawResponse } from './icy-request.js';
import { isBlockedAddress } from './ip-ranges.js';
import { SourceAccessError } from './source-access-error.js';

/** A resolved address. */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/** Resolves a host name; injectable so tests can simulate DNS answers. */
export type HostResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

/** The system resolver (`getaddrinfo`), every address returned. */
export const systemResolver: HostResolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

export interface SafeFetchOptions {
  readonly allowlist: HttpAllowlist;
  readonly resolver?: HostResolver;
  readonly maxRedirects?: number;
  /** No byte for this long (connect, headers or body) aborts the request. */
  readonly idleTimeoutMs?: number;
  /** Sends `Range: bytes=<n>-`. */
  readonly fromByte?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export const DefaultSafeFetchOptions = {
  maxRedirects: 5,
  idleTimeoutMs: 10_000,
} as const satisfies Pick<Required<SafeFetchOptions>, 'maxRedirects' | 'idleTimeoutMs'>;

/** A response whose body the caller must consume or destroy. */
export interface SafeResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The URL after redirects. */
  readonly url: string;
  readonly body: Readable;
}

/** Parses and checks the scheme of a source URL. */
export function parseSourceUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch (cause) {
    throw new SourceAccessError('SOURCE_BAD_URL', `Invalid URL: ${text}`, { cause });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceAccessError(
      'SOURCE_BAD_URL',
      `Only http and https URLs are supported, not ${url.protocol}`,
    );
  }
  return url;
}

/** Resolves `url`'s host and returns the address to connect to, or throws if the host is not allowed. */
export async function checkUrlTarget(
  url: URL,
  allowlist: HttpAllowlist,
  resolver: HostResolver = systemResolver,
): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(hostname);
  let addresses: readonly ResolvedAddress[];
  if (literal !== 0) {
    addresses = [{ address: hostname, family: literal === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolver(hostname);
    } catch (cause) {
      throw new SourceAccessError('SOURCE_DNS_FAILED', `Could not resolve host ${hostname}`, { cause });
    }
  }
  const first = addresses[0];
  if (first === undefined)
    throw new SourceAccessError('SOURCE_DNS_FAILED', `Host ${hostname} has no address`);
  if (allowlist.allowsHost(hostname)) return first;
  // Every answer must pass: a mixed answer is how rebinding attacks hide a private address.
  for (const { address } of addresses) {
    if (isBlockedAddress(address) && !allowlist.allowsAddress(address)) {
      const shown = literal !== 0 ? address : `${hostname} (${address})`;
      throw new SourceAccessError(
        'SOURCE_BLOCKED_ADDRESS',
        `Refused to fetch ${shown}: private, loopback, link-local or reserved addresses are not allowed (see AUDIO_NODE_HTTP_ALLOWLIST)`,
      );
    }
  }
  return first;
}

function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all === true) {
      (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [
        { address: target.address, family: target.family },
      ]);
    } else {
      callback(null, target.address, target.family);
    }
  };
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** GETs `text`, following checked redirects. Throws {@link SourceAccessError}. */
export async function safeFetch(text: string, options: SafeFetchOptions): Promise<SafeResponse> {
  const maxRedirects = options.maxRedirects ?? DefaultSafeFetchOptions.maxRedirects;
  let url = parseSourceUrl(text);
  for (let hop = 0; ; hop++) {
    const target = await checkUrlTarget(url, options.allowlist, options.resolver);
    const response = await requestOnce(url, target, options);
    const location = response.headers.location;
    if (!REDIRECT_STATUSES.has(response.statusCode) || location === undefined) {
      return { status: response.statusCode, headers: response.headers, url: url.href, body: response.body };
    }
    response.body.destroy();
    if (hop >= maxRedirects) {
      throw new SourceAccessError(
        'SOURCE_TOO_MANY_REDIRECTS',
        `More than ${maxRedirects} redirects from ${text}`,
      );
    }
    try {
      url = parseSourceUrl(new URL(location, url).href);
    } catch (cause) {
      throw new SourceAccessError('SOURCE_BAD_URL', `Bad redirect location from ${url.href}`, { cause });
    }
  }
}

function requestOnce(url: URL, target: ResolvedAddress, options: SafeFetchOptions): Promise<RawResponse> {
  const idleTimeoutMs = options.idleTimeoutMs ?? DefaultSafeFetchOptions.idleTimeoutMs;
  const headers: Record<string, string> = {
    'User-Agent': 'discord-bot-audio-node',
    'Icy-MetaData': '0',
    ...options.headers,
  };
  if (options.fromByte !== undefined && options.fromByte > 0) headers.Range = `bytes=${options.fromByte}-`;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let body: Readable | null = null;
    const req = request(
      url,
      { method: 'GET', headers, agent: false, lookup: pinnedLookup(target) },
      (res) => {
        body = res;
        // The idle timeout judges the server, so it runs only while the body is read: a reader that pauses
        // it (a paused player, a full lookahead, a voice connection not ready yet) stops the bytes itself,
        // and a healthy server would otherwise time out after the pause and fail the track.
        res.on('pause', () => req.setTimeout(0));
        res.on('resume', () => req.setTimeout(idleTimeoutMs));
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res });
      },
    );
    req.setTimeout(idleTimeoutMs, () => {
      const timeout = new SourceAccessError(
        'SOURCE_TIMEOUT',
        `No data from ${url.host} for ${idleTimeoutMs} ms`,
      );
      // A server that stalls after its headers: the body's reader must learn why it ended, not just
      // that the connection was aborted.
      body?.destroy(timeout);
      req.destroy(timeout);
    });
    req.on('error', (cause) => {
      if (isIcyParseError(cause)) {
        // A SHOUTcast v1 server: same checked address, spoken to by hand.
        icyRequest(url, target.address, headers, idleTimeoutMs).then(resolve, reject);
        return;
      }
      reject(
        cause instanceof SourceAccessError
          ? cause
          : new SourceAccessError('SOURCE_NOT_FOUND', `Could not fetch ${url.href}: ${cause.message}`, {
              cause,
            }),
      );
    });
    req.end();
  });
}

/**
 * Reads at most `maxBytes` from `body` (then destroys it), failing after `timeoutMs` overall.
 * Used for probing and playlists, never for playback.
 *
 * @param source - what is read (its URL), for the error message
 */
export function readLimited(
  body: Readable,
  maxBytes: number,
  timeoutMs: number,
  source: string,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = (): void => {
      clearTimeout(timer);
      body.off('data', onData);
      body.destroy();
      resolve(Buffer.concat(chunks).subarray(0, maxBytes));
    };
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= maxBytes) finish();
    };
    const timer = setTimeout(() => {
      body.destroy();
      reject(new SourceAccessError('SOURCE_TIMEOUT', `Reading ${source} took longer than ${timeoutMs} ms`));
    }, timeoutMs);
    body.on('data', onData);
    body.once('end', finish);
    body.once('error', (cause) => {
      clearTimeout(timer);
      reject(
        cause instanceof SourceAccessError
          ? cause
          : new SourceAccessError('SOURCE_NOT_FOUND', `Reading ${source} failed: ${cause.message}`, {
              cause,
            }),
      );
    });
  });
}
