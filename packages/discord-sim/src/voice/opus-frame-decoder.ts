import OpusScript from 'opusscript';
import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ } from './audio-format.js';

/** Largest Opus packet opusscript accepts, bytes. */
const MAX_OPUS_PACKET_BYTES = OpusScript.MAX_PACKET_SIZE;

/**
 * Decodes one stream's Opus frames into interleaved stereo PCM. Opus is stateful: a decoder must see
 * one stream's frames in order, so each SSRC gets its own.
 */
export class OpusFrameDecoder {
  private readonly opus = new OpusScript(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS, OpusScript.Application.AUDIO);
  private destroyed = false;

  /** Interleaved signed 16-bit samples, or `null` for a packet that is not valid Opus. */
  public decode(packet: Buffer): Int16Array | null {
    if (this.destroyed || packet.length === 0 || packet.length > MAX_OPUS_PACKET_BYTES) return null;
    let bytes: Buffer;
    try {
      bytes = this.opus.decode(packet);
    } catch {
      return null;
    }
    // Copy into an aligned buffer of our own: the decoder reuses its output memory.
    const pcm = new Int16Array(bytes.length >> 1);
    Buffer.from(pcm.buffer).set(bytes.subarray(0, pcm.length << 1));
    return pcm;
  }

  /** Frees the decoder's native memory; further frames decode to `null`. */
  public destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.opus.delete();
  }
}
