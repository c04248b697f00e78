/** Decoded audio: one Float32Array per channel (planar), samples in [-1, 1]. */
export interface DecodedPcm {
  readonly channels: readonly Float32Array[];
  readonly sampleRate: number;
}

/** Where a byte offset maps to a time, so a seek can reopen the source at a byte instead of decoding from 0. */
export interface ByteSeekIndex {
  /** Byte at which media data starts (after headers). */
  readonly dataOffset: number;
  readonly bytesPerSecond: number;
  /** Byte offsets must be a multiple of this past `dataOffset` (sample frame size for PCM, 1 otherwise). */
  readonly blockAlign: number;
  /** True when a reopened byte range can be decoded without the file header (raw PCM continuation). */
  readonly headerless: boolean;
}

/**
 * A push decoder: bytes in (in any chunking), PCM out. Streaming: nothing is buffered beyond what the codec
 * needs, so endless radio streams decode in constant memory.
 */
export interface StreamDecoder {
  /** Decodes the next bytes; returns the PCM that became available (possibly none). */
  decode(chunk: Uint8Array): Promise<DecodedPcm | null>;
  /** The input ended: returns what the codec still held. */
  flush(): Promise<DecodedPcm | null>;
  /** Known once the header was parsed, for byte-offset seeking; `null` when the format cannot seek by byte. */
  seekIndex(): ByteSeekIndex | null;
  /**
   * True for decoders whose output trails their input asynchronously (a child process): the caller polls
   * `decode(empty)` for output instead of waiting for more input.
   */
  readonly latent?: boolean;
  free(): void;
}

/** Joins PCM blocks with the same layout; `null` when there is nothing. */
export function concatPcm(blocks: readonly DecodedPcm[]): DecodedPcm | null {
  const first = blocks[0];
  if (first === undefined) return null;
  if (blocks.length === 1) return first;
  const length = blocks.reduce((sum, block) => sum + (block.channels[0]?.length ?? 0), 0);
  const channels = first.channels.map((_, index) => {
    const joined = new Float32Array(length);
    let offset = 0;
    for (const block of blocks) {
      const data = block.channels[index] ?? block.channels[0];
      if (data === undefined) continue;
      joined.set(data, offset);
      offset += data.length;
    }
    return joined;
  });
  return { channels, sampleRate: first.sampleRate };
}
