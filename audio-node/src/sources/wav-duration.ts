/**
 * Duration of a WAV file from its header alone (`fmt ` byte rate and `data` size): music-metadata measures
 * only the bytes it was given, which for a probed prefix is far too short.
 */
export function wavDurationMs(head: Buffer, fileSize: number | undefined): number | null {
  if (
    head.length < 12 ||
    head.toString('latin1', 0, 4) !== 'RIFF' ||
    head.toString('latin1', 8, 12) !== 'WAVE'
  )
    return null;
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= head.length) {
    const id = head.toString('latin1', offset, offset + 4);
    const size = head.readUInt32LE(offset + 4);
    if (id === 'fmt ' && offset + 16 <= head.length) byteRate = head.readUInt32LE(offset + 16);
    if (id === 'data') {
      if (byteRate === 0) return null;
      // Streaming writers leave the size at 0 or 0xFFFFFFFF: fall back to the file size.
      const dataSize = size === 0 || size === 0xffffffff ? (fileSize ?? 0) - offset - 8 : size;
      return dataSize > 0 ? Math.round((dataSize / byteRate) * 1000) : null;
    }
    offset += 8 + size + (size % 2);
  }
  return null;
}
