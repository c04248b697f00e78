import { Readable } from 'node:stream';
import type { EngineTrack, OpenedInput } from '../../../src/engine/index.js';

export interface MemoryTrackOptions {
  readonly format: string;
  readonly isStream?: boolean;
  /** Bytes per chunk the stream yields, to exercise chunk boundaries. */
  readonly chunkBytes?: number;
  /** When false, `open(fromByte)` ignores the offset as some servers do. */
  readonly honoursRanges?: boolean;
}

/** An {@link EngineTrack} over bytes in memory; records every `open` call. */
export function memoryTrack(
  bytes: Buffer,
  options: MemoryTrackOptions,
): EngineTrack & { opens: (number | undefined)[] } {
  const opens: (number | undefined)[] = [];
  const chunkBytes = options.chunkBytes ?? 8_192;
  return {
    identifier: `memory:${options.format}`,
    isStream: options.isStream ?? false,
    isSeekable: !(options.isStream ?? false),
    lengthMs: 0,
    opens,
    open(fromByte?: number): Promise<OpenedInput> {
      opens.push(fromByte);
      const start = options.honoursRanges === false ? 0 : (fromByte ?? 0);
      const chunks: Buffer[] = [];
      for (let at = start; at < bytes.length; at += chunkBytes)
        chunks.push(bytes.subarray(at, at + chunkBytes));
      const opened: OpenedInput = { stream: Readable.from(chunks), format: options.format };
      return Promise.resolve(start > 0 ? { ...opened, startByte: start } : opened);
    },
  };
}
