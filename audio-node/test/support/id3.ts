/** Prepends an ID3v2.3 tag with a title and a front-cover picture (APIC) to MP3 bytes (dropping their own tag). */
export function withCoverArt(mp3: Buffer, title: string, picture: Buffer, mime = 'image/png'): Buffer {
  const audio = mp3.toString('latin1', 0, 3) === 'ID3' ? mp3.subarray(10 + syncsafe(mp3, 6)) : mp3;
  const frame = (id: string, body: Buffer): Buffer => {
    const header = Buffer.alloc(10);
    header.write(id, 0, 'latin1');
    header.writeUInt32BE(body.length, 4);
    return Buffer.concat([header, body]);
  };
  const tit2 = frame('TIT2', Buffer.concat([Buffer.from([0]), Buffer.from(title, 'latin1')]));
  const apic = frame(
    'APIC',
    Buffer.concat([Buffer.from([0]), Buffer.from(`${mime}\0`, 'latin1'), Buffer.from([3, 0]), picture]),
  );
  const frames = Buffer.concat([tit2, apic]);
  const header = Buffer.from([0x49, 0x44, 0x33, 3, 0, 0, 0, 0, 0, 0]);
  for (let i = 0; i < 4; i++) header[9 - i] = (frames.length >> (7 * i)) & 0x7f;
  return Buffer.concat([header, frames, audio]);
}

function syncsafe(bytes: Buffer, offset: number): number {
  return (
    ((bytes[offset]! & 0x7f) << 21) |
    ((bytes[offset + 1]! & 0x7f) << 14) |
    ((bytes[offset + 2]! & 0x7f) << 7) |
    (bytes[offset + 3]! & 0x7f)
  );
}
