/** Samples per channel at 48 kHz of one Opus frame, by the TOC byte's configuration number (RFC 6716 3.1). */
function frameSamples(config: number): number {
  if (config < 12) return [480, 960, 1_920, 2_880][config % 4]!; // SILK: 10, 20, 40, 60 ms
  if (config < 16) return [480, 960][config % 2]!; // Hybrid: 10, 20 ms
  return [120, 240, 480, 960][config % 4]!; // CELT: 2.5, 5, 10, 20 ms
}

const FRAME_COUNT_MASK = 0x3f;

/**
 * Samples per channel (at 48 kHz) the Opus packet decodes to, read from its TOC byte (RFC 6716 3.1),
 * or `null` when the packet is too short to say.
 */
export function opusPacketSamples(packet: Uint8Array): number | null {
  const toc = packet[0];
  if (toc === undefined) return null;
  const code = toc & 0x03;
  let frames = 1;
  if (code === 1 || code === 2) frames = 2;
  else if (code === 3) {
    const count = packet[1];
    if (count === undefined) return null;
    frames = count & FRAME_COUNT_MASK;
  }
  return frames * frameSamples(toc >> 3);
}
