/**
 * Decodes one RTP stream's Opus frames into interleaved stereo PCM. Opus is stateful: a decoder must see one
 * stream's frames in order, so each stream (one SSRC of one session) gets its own, freed when the stream ends.
 */
export interface OpusFrameDecoder {
  /** Interleaved signed 16-bit samples, or `null` for a packet that is not valid Opus. */
  decode(packet: Buffer): Int16Array | null;
  /** Frees the decoder; further frames decode to `null`. Idempotent. */
  destroy(): void;
}

/** Copies decoded little-endian PCM bytes into an aligned sample array of our own. */
export function samplesOf(bytes: Uint8Array): Int16Array {
  const pcm = new Int16Array(bytes.length >> 1);
  new Uint8Array(pcm.buffer).set(bytes.subarray(0, pcm.length << 1));
  return pcm;
}
