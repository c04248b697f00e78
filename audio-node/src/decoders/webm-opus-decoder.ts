import { OpusDecoder } from 'opus-decoder';
import { DecoderError } from './decoder-error.js';
import { EbmlReader } from './ebml-reader.js';
import { concatPcm, type ByteSeekIndex, type DecodedPcm, type StreamDecoder } from './stream-decoder.js';

const OPUS_HEAD_MIN_BYTES = 19;

/** WebM/Matroska with an Opus audio track (YouTube-style), demuxed here and decoded by libopus WASM. */
export class WebmOpusDecoder implements StreamDecoder {
  private readonly reader = new EbmlReader();
  private trackNumber = -1;
  private decoder: OpusDecoder | null = null;

  public async decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    const blocks: DecodedPcm[] = [];
    for (const frame of this.reader.push(chunk)) {
      if (this.decoder === null) {
        const track = this.reader.tracks.find((entry) => entry.codecId === 'A_OPUS');
        if (track === undefined)
          throw new DecoderError('DECODER_UNSUPPORTED_FORMAT', 'WebM: no Opus audio track');
        this.trackNumber = track.number;
        this.decoder = await this.createDecoder(track.codecPrivate);
      }
      if (frame.track !== this.trackNumber) continue;
      const out = this.decoder.decodeFrame(frame.data);
      if (out.samplesDecoded > 0) blocks.push({ channels: out.channelData, sampleRate: out.sampleRate });
    }
    return concatPcm(blocks);
  }

  public flush(): Promise<DecodedPcm | null> {
    if (this.decoder === null) {
      return Promise.reject(new DecoderError('DECODER_INVALID_DATA', 'WebM: no Opus audio track found'));
    }
    return Promise.resolve(null);
  }

  public seekIndex(): ByteSeekIndex | null {
    return null;
  }

  public free(): void {
    this.decoder?.free();
  }

  private async createDecoder(head: Uint8Array): Promise<OpusDecoder> {
    if (head.length < OPUS_HEAD_MIN_BYTES)
      throw new DecoderError('DECODER_INVALID_DATA', 'WebM: short OpusHead');
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    const channels = head[9] ?? 2;
    if ((head[18] ?? 0) !== 0 || channels > 2) {
      throw new DecoderError('DECODER_UNSUPPORTED_FORMAT', 'WebM: only mono/stereo Opus is supported');
    }
    const decoder = new OpusDecoder({ channels, preSkip: view.getUint16(10, true), forceStereo: true });
    await decoder.ready;
    return decoder;
  }
}
