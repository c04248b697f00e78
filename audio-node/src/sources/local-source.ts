/**
 * The `local` source: files under the configured music directories. A directory or an `.m3u`/`.pls` file
 * is a playlist. Every path, including playlist entries, goes through {@link resolveMusicPath}.
 */
import { createReadStream } from 'node:fs';
import { open, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { parseFile } from 'music-metadata';
import type { OpenedInput } from '../engine/engine-contract.js';
import { resolveMusicPath } from '../security/safe-path.js';
import { SourceAccessError } from '../security/source-access-error.js';
import type { LavalinkTrack } from '../tracks/track-types.js';
import { engineFormatOf, probeOf, sniffFormat, SNIFF_BYTES, type DetectedFormat } from './format-detect.js';
import {
  loadError,
  loadErrorFrom,
  playlistResult,
  type LoadResult,
  type SkippedEntry,
} from './load-result.js';
import { MAX_PLAYLIST_ENTRIES, parseM3u, parsePls } from './playlist-parsers.js';
import type { SourceContext } from './source-context.js';
import { makeTrack, titleFromLocation } from './track-factory.js';
import { unsupportedFormatError } from './unsupported-format.js';

/** File extensions treated as audio when listing a directory. */
export const AUDIO_EXTENSIONS = new Set([
  '.wav',
  '.mp3',
  '.flac',
  '.ogg',
  '.oga',
  '.opus',
  '.webm',
  '.m4a',
  '.aac',
  '.mp4',
  '.mka',
]);
const PLAYLIST_EXTENSIONS = new Set(['.m3u', '.m3u8', '.pls']);

export async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Loads a local identifier (path, `file:` URL, or path relative to a music directory). */
export async function loadLocal(identifier: string, ctx: SourceContext): Promise<LoadResult> {
  try {
    const path = await resolveMusicPath(identifier, ctx.musicDirs);
    const info = await stat(path);
    if (info.isDirectory()) {
      const { tracks, skipped } = await directoryTracks(path, ctx);
      return playlistResult(basename(path), tracks, skipped);
    }
    if (PLAYLIST_EXTENSIONS.has(extname(path).toLowerCase())) return await playlistFile(path, ctx);
    const track = await localTrack(path, ctx, true);
    return 'loadType' in track ? track : { loadType: 'track', data: track };
  } catch (error) {
    if (error instanceof SourceAccessError) return loadErrorFrom(error);
    throw error;
  }
}

/** Builds the track of one real path inside the music directories, or an error result. */
export async function localTrack(
  path: string,
  ctx: SourceContext,
  exactDuration: boolean,
): Promise<LavalinkTrack | LoadResult> {
  const format = sniffFormat(await readHead(path));
  if (format.kind === 'unknown')
    return loadError(`Unknown or unsupported audio format: ${basename(path)}`, 'UNKNOWN_FORMAT');
  if (format.kind === 'ffmpeg' && ctx.ffmpegPath === null) return unsupportedFormatError(format.name);
  let title: string | undefined;
  let artist: string | undefined;
  let isrc: string | undefined;
  let durationMs = 0;
  let hasArtwork = false;
  try {
    const meta = await parseFile(path, { duration: exactDuration, skipCovers: false });
    hasArtwork = (meta.common.picture?.length ?? 0) > 0;
    title = meta.common.title;
    artist = meta.common.artist;
    isrc = meta.common.isrc?.[0];
    durationMs = Math.round((meta.format.duration ?? 0) * 1000);
  } catch (error) {
    ctx.logger.debug({ err: error, path }, 'could not read tags');
  }
  return makeTrack(
    {
      identifier: path,
      title: title ?? titleFromLocation(path),
      author: artist ?? 'Unknown artist',
      length: durationMs,
      isStream: false,
      uri: path,
      artworkUrl: hasArtwork ? ctx.artwork.urlFor(path) : null,
      isrc: isrc ?? null,
      sourceName: 'local',
    },
    probeOf(format),
  );
}

/** Playable tracks of some paths, and why the others were left out. */
interface CollectedTracks {
  readonly tracks: LavalinkTrack[];
  readonly skipped: SkippedEntry[];
}

async function directoryTracks(dir: string, ctx: SourceContext): Promise<CollectedTracks> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = entries
    .filter((entry) => AUDIO_EXTENSIONS.has(extname(entry.name).toLowerCase()))
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, MAX_PLAYLIST_ENTRIES);
  return collectTracks(
    files.map((name) => join(dir, name)),
    ctx,
  );
}

async function playlistFile(path: string, ctx: SourceContext): Promise<LoadResult> {
  const info = await stat(path);
  if (info.size > ctx.limits.playlistBytes)
    return loadError(`Playlist ${basename(path)} is too large`, 'SOURCE_TOO_LARGE');
  const text = await readFile(path, 'utf8');
  const entries = extname(path).toLowerCase() === '.pls' ? parsePls(text) : parseM3u(text);
  const paths = entries.map((entry) =>
    isAbsolute(entry.location) ? entry.location : join(dirname(path), entry.location),
  );
  const { tracks, skipped } = await collectTracks(paths, ctx);
  return playlistResult(basename(path, extname(path)), tracks, skipped);
}

/** Tracks of the paths that resolve inside the music dirs and are playable; others are skipped and logged. */
async function collectTracks(paths: readonly string[], ctx: SourceContext): Promise<CollectedTracks> {
  const tracks: LavalinkTrack[] = [];
  const skipped: SkippedEntry[] = [];
  for (const candidate of paths) {
    try {
      const real = await resolveMusicPath(candidate, ctx.musicDirs);
      const track = await localTrack(real, ctx, false);
      if (!('loadType' in track)) tracks.push(track);
      else if (track.loadType === 'error')
        skipped.push({ code: track.data.cause, message: track.data.message ?? track.data.cause });
    } catch (error) {
      if (!(error instanceof SourceAccessError)) throw error;
      ctx.logger.warn({ path: candidate, code: error.code }, 'playlist entry skipped');
      skipped.push({ code: error.code, message: error.message });
    }
  }
  return { tracks, skipped };
}

/** Opens a local track for the engine, checking the path again (the music dirs may have changed). */
export async function openLocal(
  path: string,
  format: DetectedFormat,
  fromByte: number | undefined,
  ctx: SourceContext,
): Promise<OpenedInput> {
  const real = await resolveMusicPath(path, ctx.musicDirs);
  let hint = engineFormatOf(format);
  if (hint === null) hint = engineFormatOf(sniffFormat(await readHead(real)));
  if (hint === null)
    throw new SourceAccessError('SOURCE_NOT_FOUND', `Unknown audio format: ${basename(real)}`);
  const start = fromByte ?? 0;
  return { stream: createReadStream(real, { start }), format: hint, startByte: start };
}
