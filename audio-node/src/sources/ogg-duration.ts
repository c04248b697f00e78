/** Duration of an Ogg Opus/Vorbis file from its head and its last page's granule position. */
export function oggDurationMs(head: Buffer, tail: Buffer): number | null {
  const last = tail.lastIndexOf('OggS', undefined, 'latin1');
  if (last < 0 || last + 14 > tail.length) return null;
  const granule = Number(tail.readBigInt64LE(last + 6));
  if (granule <= 0) return null;
  const opus = head.indexOf('OpusHead', 0, 'latin1');
  if (opus >= 0 && opus + 12 <= head.length) {
    const preSkip = head.readUInt16LE(opus + 10);
    return Math.max(0, Math.round(((granule - preSkip) / 48_000) * 1000));
  }
  const vorbis = head.indexOf('\x01vorbis', 0, 'latin1');
  if (vorbis >= 0 && vorbis + 16 <= head.length) {
    const rate = head.readUInt32LE(vorbis + 12);
    return rate > 0 ? Math.round((granule / rate) * 1000) : null;
  }
  return null;
}
