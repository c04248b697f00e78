import { FLACDecoder } from '@wasm-audio-decoders/flac';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';

/** FLAC through the libFLAC WASM build (streaming; seeks decode-skip from the start). */
export class FlacDecoder implements StreamDecoder {
  private constructor(private readonly decoder: FLACDecoder) {}

  public static async create(): Promise<FlacDecoder> {
    const decoder = new FLACDecoder();
    await decoder.ready;
    return new FlacDecoder(decoder);
  }

  public async decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    const out = await this.decoder.decode(chunk);
    return out.samplesDecoded === 0 ? null : { channels: out.channelData, sampleRate: out.sampleRate };
  }

  public async flush(): Promise<DecodedPcm | null> {
    const out = await this.decoder.flush();
    return out.samplesDecoded === 0 ? null : { channels: out.channelData, sampleRate: out.sampleRate };
  }

  public seekIndex(): ByteSeekIndex | null {
    return null;
  }

  public free(): void {
    this.decoder.free();
  }
}
