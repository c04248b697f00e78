import { MPEGDecoder } from 'mpg123-decoder';
import { Mp3FrameAligner } from './mp3-frame-aligner.js';
import { Mp3HeaderSniffer, type Mp3StreamInfo } from './mp3-frame-header.js';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';

/** MP3 (MPEG 1/2/2.5 Layer I-III) through the mpg123 WASM build; resynchronises on frame headers after a seek. */
export class Mp3Decoder implements StreamDecoder {
  private readonly sniffer = new Mp3HeaderSniffer();
  private readonly aligner = new Mp3FrameAligner();
  private info: Mp3StreamInfo | null = null;

  private constructor(private readonly decoder: MPEGDecoder) {}

  public static async create(): Promise<Mp3Decoder> {
    const decoder = new MPEGDecoder();
    await decoder.ready;
    return new Mp3Decoder(decoder);
  }

  public decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    return Promise.resolve(this.decodeAligned(this.aligner.push(chunk)));
  }

  public flush(): Promise<DecodedPcm | null> {
    return Promise.resolve(this.decodeAligned(this.aligner.flush()));
  }

  public seekIndex(): ByteSeekIndex | null {
    if (this.info === null || !this.info.constantBitrate) return null;
    return {
      dataOffset: this.info.firstFrameOffset,
      bytesPerSecond: (this.info.bitrateKbps * 1000) / 8,
      blockAlign: 1,
      headerless: false,
    };
  }

  private decodeAligned(bytes: Uint8Array): DecodedPcm | null {
    if (bytes.length === 0) return null;
    this.info ??= this.sniffer.push(bytes);
    const out = this.decoder.decode(bytes);
    return out.samplesDecoded === 0 ? null : { channels: out.channelData, sampleRate: out.sampleRate };
  }

  public free(): void {
    this.decoder.free();
  }
}
