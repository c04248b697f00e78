import { resolveFormat, sniffFormat, type BuiltInFormat } from './audio-format.js';
import { FfmpegDecoder } from './ffmpeg-decoder.js';
import type { StreamDecoder } from './stream-decoder.js';
import { WavDecoder } from './wav-decoder.js';
import type { WavFormat } from './wav-header.js';

/** How to start decoding: the source's hint, the first bytes, and (after a byte seek into WAV) its format. */
export interface DecoderRequest {
  readonly format: string;
  readonly head: Uint8Array;
  readonly wavContinuation?: WavFormat;
}

/** Built-in decoders are imported on first use, so a worker loads only the WASM it needs. */
async function builtIn(format: BuiltInFormat): Promise<StreamDecoder> {
  switch (format) {
    case 'wav':
      return new WavDecoder();
    case 'mp3':
      return (await import('./mp3-decoder.js')).Mp3Decoder.create();
    case 'flac':
      return (await import('./flac-decoder.js')).FlacDecoder.create();
    case 'ogg-vorbis':
      return (await import('./ogg-vorbis-decoder.js')).OggVorbisDecoder.create();
    case 'ogg-opus':
      return (await import('./ogg-opus-decoder.js')).OggOpusDecoder.create();
    case 'webm-opus':
      return new (await import('./webm-opus-decoder.js')).WebmOpusDecoder();
  }
}

/**
 * Picks a decoder: the bytes win over the hint when they are recognisable (servers mislabel MIME types),
 * then the hint, then ffmpeg.
 */
export async function createDecoder(request: DecoderRequest): Promise<StreamDecoder> {
  if (request.wavContinuation !== undefined) return new WavDecoder({ format: request.wavContinuation });
  const hinted = resolveFormat(request.format);
  const sniffed = sniffFormat(request.head);
  // Ogg's codec is only visible in the bytes, so a sniffed Ogg variant beats a generic `ogg` hint.
  const format = sniffed ?? hinted;
  if (format !== null) return builtIn(format);
  return FfmpegDecoder.create(request.format);
}
