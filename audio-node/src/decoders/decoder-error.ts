/** Stable codes of decoding failures; the engine reports them as track exceptions. */
export type DecoderErrorCode =
  'DECODER_UNSUPPORTED_FORMAT' | 'DECODER_FFMPEG_MISSING' | 'DECODER_INVALID_DATA' | 'DECODER_FFMPEG_FAILED';

/**
 * A track's bytes could not be turned into audio.
 *
 * Deliberately a plain `Error` with a stable `code` rather than an `AppError`: decoders run inside worker
 * threads, which load only this folder and npm packages (no workspace packages, which resolve through the
 * `source` condition the worker does not have). The engine turns it into a track exception on the main thread.
 */
export class DecoderError extends Error {
  public readonly code: DecoderErrorCode;

  public constructor(code: DecoderErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DecoderError';
    this.code = code;
  }
}
