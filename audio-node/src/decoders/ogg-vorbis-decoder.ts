import { OggVorbisDecoder as WasmOggVorbisDecoder } from '@wasm-audio-decoders/ogg-vorbis';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';

/** Ogg Vorbis through the libvorbis WASM build. */
export class OggVorbisDecoder implements StreamDecoder {
  private constructor(private readonly decoder: WasmOggVorbisDecoder) {}

  public static async create(): Promise<OggVorbisDecoder> {
    const decoder = new WasmOggVorbisDecoder();
    await decoder.ready;
    return new OggVorbisDecoder(decoder);
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
