import { OggOpusDecoder as WasmOggOpusDecoder, type OggOpusDecodedAudio } from 'ogg-opus-decoder';
import type { ByteSeekIndex, DecodedPcm, StreamDecoder } from './stream-decoder.js';

/** Ogg Opus through the libopus WASM build; output is already 48 kHz. */
export class OggOpusDecoder implements StreamDecoder {
  private constructor(private readonly decoder: WasmOggOpusDecoder) {}

  public static async create(): Promise<OggOpusDecoder> {
    const decoder = new WasmOggOpusDecoder({ forceStereo: true });
    await decoder.ready;
    return new OggOpusDecoder(decoder);
  }

  public async decode(chunk: Uint8Array): Promise<DecodedPcm | null> {
    // Typed as synchronous, but ogg-opus-decoder 1.7 returns a promise here: await covers both.
    const out = await (this.decoder.decode(chunk) as OggOpusDecodedAudio | Promise<OggOpusDecodedAudio>);
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
