import { createNativeOpusDecoder } from './native-opus-decoder.js';
import type { OpusFrameDecoder } from './opus-frame-decoder.js';
import type { OpusDecoderBackend } from './voice-server-contract.js';
import { createWasmOpusDecoder } from './wasm-opus-decoder.js';

/**
 * The backend new decoders use: the native `@discordjs/opus` when it loads (fast, one libopus decoder per
 * stream with no shared heap), opusscript's WebAssembly build otherwise.
 */
export const opusDecoderBackend: OpusDecoderBackend = createNativeOpusDecoder === null ? 'wasm' : 'native';

/**
 * A fresh decoder for one stream, or `null` when none can be made (the WebAssembly fallback is full): the
 * stream's packets are then counted but not decoded, which the analysis reports as silence.
 */
export function createOpusFrameDecoder(backend = opusDecoderBackend): OpusFrameDecoder | null {
  if (backend === 'native' && createNativeOpusDecoder !== null) return createNativeOpusDecoder();
  return createWasmOpusDecoder();
}
