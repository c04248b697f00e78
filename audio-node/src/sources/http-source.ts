/**
 * The `http` source: audio files and Icecast/Shoutcast streams over HTTP(S), and M3U/PLS playlists. Every
 * request goes through {@link safeFetch} (SSRF checks, pinned DNS, capped redirects) with size/time limits.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parseBuffer } from 'music-metadata';
import { readLimited, safeFetch } from '../security/safe-fetch.js';
import { SourceAccessError } from '../security/source-access-error.js';
import { STREAM_LENGTH_MS, type LavalinkTrack } from '../tracks/track-types.js';
import { probeOf, sniffFormat, type DetectedFormat } from './format-detect.js';
import { headerText } from './http-headers.js';
import { playlistFromText } from './http-playlist.js';
import { loadError, loadErrorFrom, type LoadResult } from './load-result.js';
import { oggDurationMs } from './ogg-duration.js';
import { looksLikePlaylist } from './playlist-parsers.js';
import type { SourceContext } from './source-context.js';
import { makeTrack, titleFromLocation } from './track-factory.js';
import { unsupportedFormatError } from './unsupported-format.js';
import { wavDurationMs } from './wav-duration.js';

const PLAYLIST_TYPES = new Set([
  'audio/x-mpegurl',
  'audio/mpegurl',
  'application/x-mpegurl',
  'audio/x-scpls',
  'application/pls+xml',
]);

function isRadio(headers: IncomingHttpHeaders): boolean {
  if (Object.keys(headers).some((key) => key.startsWith('icy-'))) return true;
  const type = headerText(headers, 'content-type') ?? '';
  return headers['content-length'] === undefined && /^(audio|application\/ogg)/i.test(type);
}

/** Loads an http(s) URL: a track, a stream, or a playlist of URLs. */
export async function loadHttp(url: string, ctx: SourceContext): Promise<LoadResult> {
  try {
    return await loadHttpUnsafe(url, ctx);
  } catch (error) {
    if (error instanceof SourceAccessError) return loadErrorFrom(error);
    throw error;
  }
}

async function loadHttpUnsafe(url: string, ctx: SourceContext): Promise<LoadResult> {
  const response = await safeFetch(url, {
    allowlist: ctx.allowlist,
    resolver: ctx.resolver,
    idleTimeoutMs: ctx.limits.probeTimeoutMs,
  });
  if (response.status >= 400) {
    response.body.destroy();
    return loadError(`Server answered HTTP ${response.status} for ${url}`, 'SOURCE_HTTP_STATUS');
  }
  const mime = (headerText(response.headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const path = new URL(response.url).pathname.toLowerCase();
  const contentLength = Number(headerText(response.headers, 'content-length') ?? Number.NaN);
  const size = Number.isFinite(contentLength) ? contentLength : undefined;
  if (PLAYLIST_TYPES.has(mime) || /\.(m3u8?|pls)$/.test(path)) {
    if (size !== undefined && size > ctx.limits.playlistBytes) {
      response.body.destroy();
      return playlistTooLarge(url, ctx);
    }
    // One byte past the limit tells a playlist that fits from one that does not (no Content-Length).
    const bytes = await readLimited(
      response.body,
      ctx.limits.playlistBytes + 1,
      ctx.limits.probeTimeoutMs,
      url,
    );
    return playlistOf(bytes, true, response.url, ctx);
  }
  const stream = isRadio(response.headers);
  const headLimit = stream ? ctx.limits.streamSniffBytes : ctx.limits.probeBytes;
  const read = await readLimited(response.body, headLimit + 1, ctx.limits.probeTimeoutMs, url);
  const head = read.subarray(0, headLimit);
  const asText = head.subarray(0, 64).toString('utf8');
  if (looksLikePlaylist(asText) !== null)
    return playlistOf(read, read.length <= headLimit, response.url, ctx);
  const format = sniffFormat(head, mime);
  if (format.kind === 'unknown')
    return loadError(`Unknown or unsupported audio format at ${url}`, 'UNKNOWN_FORMAT');
  if (format.kind === 'ffmpeg' && ctx.ffmpegPath === null) return unsupportedFormatError(format.name);
  if (stream) return { loadType: 'track', data: radioTrack(url, response.headers, format) };
  const meta = await readTags(head, mime, size);
  let lengthMs =
    format.kind === 'native' && format.format === 'wav'
      ? (wavDurationMs(head, size) ?? meta.durationMs)
      : meta.durationMs;
  if (
    lengthMs === null &&
    format.kind === 'native' &&
    format.format.startsWith('ogg') &&
    size !== undefined
  ) {
    lengthMs = await oggLengthFromTail(url, head, size, ctx);
  }
  const track = makeTrack(
    {
      identifier: url,
      title: meta.title ?? titleFromLocation(url),
      author: meta.artist ?? 'Unknown artist',
      length: lengthMs ?? 0,
      isStream: false,
      uri: url,
      artworkUrl: null,
      isrc: meta.isrc,
      sourceName: 'http',
    },
    probeOf(format),
  );
  return { loadType: 'track', data: track };
}

function playlistTooLarge(url: string, ctx: SourceContext): LoadResult {
  return loadError(
    `The playlist at ${url} is larger than the ${ctx.limits.playlistBytes} bytes a playlist may have`,
    'SOURCE_TOO_LARGE',
  );
}

/** The playlist in `bytes`, unless they are over the limit or `complete` is false (there was more). */
async function playlistOf(
  bytes: Buffer,
  complete: boolean,
  url: string,
  ctx: SourceContext,
): Promise<LoadResult> {
  if (!complete || bytes.length > ctx.limits.playlistBytes) return playlistTooLarge(url, ctx);
  return playlistFromText(bytes.toString('utf8'), url, ctx);
}

function radioTrack(url: string, headers: IncomingHttpHeaders, format: DetectedFormat): LavalinkTrack {
  return makeTrack(
    {
      identifier: url,
      title: headerText(headers, 'icy-name') ?? titleFromLocation(url),
      author: headerText(headers, 'icy-description') ?? 'Unknown artist',
      length: STREAM_LENGTH_MS,
      isStream: true,
      uri: url,
      artworkUrl: null,
      isrc: null,
      sourceName: 'http',
    },
    probeOf(format),
  );
}

interface Tags {
  readonly title: string | null;
  readonly artist: string | null;
  readonly isrc: string | null;
  readonly durationMs: number | null;
}

async function readTags(head: Buffer, mime: string, size: number | undefined): Promise<Tags> {
  try {
    const fileInfo = size === undefined ? { mimeType: mime } : { mimeType: mime, size };
    const { common, format } = await parseBuffer(head, fileInfo, { duration: false, skipCovers: true });
    return {
      title: common.title ?? null,
      artist: common.artist ?? null,
      isrc: common.isrc?.[0] ?? null,
      durationMs: format.duration === undefined ? null : Math.round(format.duration * 1000),
    };
  } catch {
    return { title: null, artist: null, isrc: null, durationMs: null };
  }
}

async function oggLengthFromTail(
  url: string,
  head: Buffer,
  size: number,
  ctx: SourceContext,
): Promise<number | null> {
  try {
    const fromByte = Math.max(0, size - ctx.limits.oggTailBytes);
    const tail = await safeFetch(url, {
      allowlist: ctx.allowlist,
      resolver: ctx.resolver,
      fromByte,
      idleTimeoutMs: ctx.limits.probeTimeoutMs,
    });
    const bytes = await readLimited(tail.body, size, ctx.limits.probeTimeoutMs, url);
    return tail.status === 206 || fromByte === 0 ? oggDurationMs(head, bytes) : null;
  } catch {
    return null;
  }
}
