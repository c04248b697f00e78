import { loadError, type LoadResult } from './load-result.js';

/** The load error for a container only ffmpeg decodes, when no ffmpeg is on PATH. */
export function unsupportedFormatError(container: string): LoadResult {
  return loadError(
    `Unsupported audio format "${container}": decoding it needs ffmpeg on PATH, which was not found. ` +
      'Supported without ffmpeg: WAV, MP3, FLAC, Ogg Vorbis, Ogg Opus, WebM Opus.',
    'FFMPEG_MISSING',
  );
}
