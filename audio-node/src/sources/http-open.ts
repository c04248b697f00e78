/** Opening `http` tracks for playback. */
import type { OpenedInput } from '../engine/engine-contract.js';
import { readLimited, safeFetch } from '../security/safe-fetch.js';
import { SourceAccessError } from '../security/source-access-error.js';
import { engineFormatOf, sniffFormat, SNIFF_BYTES, type DetectedFormat } from './format-detect.js';
import { headerText } from './http-headers.js';
import type { SourceContext } from './source-context.js';

/** Learns the format of a track loaded without it (a playlist entry) from its first bytes. */
async function sniffRemote(url: string, ctx: SourceContext): Promise<DetectedFormat> {
  const response = await safeFetch(url, {
    allowlist: ctx.allowlist,
    resolver: ctx.resolver,
    idleTimeoutMs: ctx.limits.probeTimeoutMs,
  });
  if (response.status >= 400) {
    response.body.destroy();
    throw new SourceAccessError('SOURCE_HTTP_STATUS', `Server answered HTTP ${response.status} for ${url}`);
  }
  const head = await readLimited(response.body, SNIFF_BYTES, ctx.limits.probeTimeoutMs, url);
  return sniffFormat(head, headerText(response.headers, 'content-type'));
}

/**
 * Opens an http track for the engine, with a range request when `fromByte` is given and the track is
 * seekable. A track loaded without its format (a playlist entry) is sniffed first; the caller keeps the
 * returned format so later opens (seeks, reconnects) skip that.
 */
export async function openHttp(
  url: string,
  known: DetectedFormat,
  isStream: boolean,
  fromByte: number | undefined,
  ctx: SourceContext,
): Promise<{ input: OpenedInput; format: DetectedFormat }> {
  const format = known.kind === 'unknown' ? await sniffRemote(url, ctx) : known;
  if (format.kind === 'ffmpeg' && ctx.ffmpegPath === null) {
    throw new SourceAccessError(
      'SOURCE_NOT_FOUND',
      `${url} is ${format.name}: decoding it needs ffmpeg on PATH, which was not found`,
    );
  }
  const hint = engineFormatOf(format);
  if (hint === null)
    throw new SourceAccessError('SOURCE_NOT_FOUND', `Unknown or unsupported audio format at ${url}`);
  const wantedByte = isStream ? undefined : fromByte;
  const response = await safeFetch(url, {
    allowlist: ctx.allowlist,
    resolver: ctx.resolver,
    idleTimeoutMs: ctx.limits.playbackIdleTimeoutMs,
    ...(wantedByte === undefined ? {} : { fromByte: wantedByte }),
  });
  if (response.status >= 400) {
    response.body.destroy();
    throw new SourceAccessError('SOURCE_HTTP_STATUS', `Server answered HTTP ${response.status} for ${url}`);
  }
  const startByte = response.status === 206 && wantedByte !== undefined ? wantedByte : 0;
  return { input: { stream: response.body, format: hint, startByte }, format };
}
