import OpusScript from 'opusscript';
import { OPUS_CHANNELS, OPUS_SAMPLE_RATE_HZ } from './audio-format.js';
import type { OpusFrameDecoder } from './opus-frame-decoder.js';
import { opusPacketSamples } from './opus-packet-samples.js';

/** Largest Opus packet opusscript accepts, bytes. */
const MAX_OPUS_PACKET_BYTES = OpusScript.MAX_PACKET_SIZE;

/**
 * Live opusscript instances allowed at once. They all share one fixed WebAssembly heap of 16 MiB (its build
 * cannot grow memory) and each takes about 150 KiB, so past this the heap would run out mid-allocation.
 */
export const MAX_WASM_DECODERS = 64;

/** Bytes opusscript's native side writes per decoded sample: each PCM byte in a 16-bit slot. */
const OUTPUT_BYTES_PER_SAMPLE = 4;

/**
 * The parts of an opusscript 0.1.1 instance its `decode()` uses. `decode()` itself must not be used: its
 * native side writes each PCM byte into a 16-bit slot at the address it is given, and the JavaScript side
 * gives it `HEAPU16.subarray(pointer).byteOffset`, which is twice the allocated address (a byte pointer used
 * as a 16-bit index). Every decoded frame thus lands outside its buffer, over other instances' decoder state
 * (streams decoding to silence or noise) or past the heap ("memory access out of bounds"). Decoding through
 * the handler with the real pointer keeps each frame inside its own allocation.
 */
interface OpusScriptInternals {
  readonly handler: { _decode(opusPointer: number, opusBytes: number, pcmPointer: number): number };
  readonly inOpusPointer: number;
  /** A correct byte view of the input buffer; its `buffer` is the WebAssembly heap. */
  readonly inOpus: Uint8Array;
  readonly outPCMPointer: number;
  /** Bytes allocated at `outPCMPointer`. */
  readonly outPCMLength: number;
}

function hasDecodeInternals(opus: object): opus is OpusScriptInternals {
  const candidate = opus as Partial<OpusScriptInternals>;
  return (
    typeof candidate.handler?._decode === 'function' &&
    typeof candidate.inOpusPointer === 'number' &&
    candidate.inOpus instanceof Uint8Array &&
    typeof candidate.outPCMPointer === 'number' &&
    typeof candidate.outPCMLength === 'number'
  );
}

let liveDecoders = 0;

/** opusscript's WebAssembly libopus, decoding through its handler (see {@link OpusScriptInternals}). */
class WasmOpusDecoder implements OpusFrameDecoder {
  private destroyed = false;
  /** Samples per channel that fit the output buffer: 1,440 (30 ms), enough for Discord's 20 ms frames. */
  private readonly maxSamples: number;

  public constructor(
    private readonly opus: OpusScript,
    private readonly internals: OpusScriptInternals,
  ) {
    this.maxSamples = Math.floor(internals.outPCMLength / (OPUS_CHANNELS * OUTPUT_BYTES_PER_SAMPLE));
  }

  public decode(packet: Buffer): Int16Array | null {
    if (this.destroyed || packet.length === 0 || packet.length > MAX_OPUS_PACKET_BYTES) return null;
    // A longer packet would decode past the output buffer: refuse it rather than overwrite the heap.
    const expected = opusPacketSamples(packet);
    if (expected === null || expected === 0 || expected > this.maxSamples) return null;
    const { handler, inOpus, inOpusPointer, outPCMPointer } = this.internals;
    inOpus.set(packet);
    const samples = handler._decode(inOpusPointer, packet.length, outPCMPointer);
    if (samples <= 0 || samples > this.maxSamples) return null;
    const slots = new Uint16Array(inOpus.buffer, outPCMPointer, samples * OPUS_CHANNELS * 2);
    const pcm = new Int16Array(samples * OPUS_CHANNELS);
    for (let i = 0; i < pcm.length; i += 1) pcm[i] = slots[2 * i]! | (slots[2 * i + 1]! << 8);
    return pcm;
  }

  public destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    liveDecoders -= 1;
    this.opus.delete();
  }
}

/** An opusscript decoder, or `null` when {@link MAX_WASM_DECODERS} are live or opusscript's layout changed. */
export function createWasmOpusDecoder(): OpusFrameDecoder | null {
  if (liveDecoders >= MAX_WASM_DECODERS) return null;
  let opus: OpusScript;
  try {
    opus = new OpusScript(OPUS_SAMPLE_RATE_HZ, OPUS_CHANNELS, OpusScript.Application.AUDIO);
  } catch {
    return null;
  }
  if (!hasDecodeInternals(opus)) {
    opus.delete();
    return null;
  }
  liveDecoders += 1;
  return new WasmOpusDecoder(opus, opus);
}
