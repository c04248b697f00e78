/**
 * RTP packets as Discord's `*_rtpsize` transport modes lay them out.
 *
 * The unencrypted part (also the AEAD additional data) is the 12-byte fixed header, any CSRCs and, when
 * the X bit is set, the 4-byte extension header (profile and length). The extension body is encrypted
 * together with the Opus payload, so after decryption it leads the plaintext and must be skipped. After
 * the ciphertext come a 16-byte tag and the 4-byte nonce counter.
 */

export const RTP_VERSION = 2;
export const RTP_FIXED_HEADER_BYTES = 12;
export const RTP_EXTENSION_HEADER_BYTES = 4;
export const AEAD_TAG_BYTES = 16;
export const RTP_NONCE_SUFFIX_BYTES = 4;

const CSRC_BYTES = 4;
const EXTENSION_WORD_BYTES = 4;

/** One received RTP packet, split but still encrypted. */
export interface RtpPacket {
  readonly sequence: number;
  readonly timestamp: number;
  readonly ssrc: number;
  readonly payloadType: number;
  /** The unencrypted header bytes, authenticated as additional data. */
  readonly header: Buffer;
  readonly ciphertext: Buffer;
  readonly tag: Buffer;
  /** The 4-byte nonce counter sent in the clear at the end of the packet. */
  readonly nonceSuffix: Buffer;
  /** Bytes of extension body leading the decrypted plaintext. */
  readonly extensionBodyBytes: number;
  /** The P bit: the plaintext ends with padding whose last byte is the padding length. */
  readonly padded: boolean;
}

/** Splits an RTP datagram; `null` when it is not a well-formed RTP packet of this layout. */
export function parseRtpPacket(datagram: Buffer): RtpPacket | null {
  if (datagram.length < RTP_FIXED_HEADER_BYTES) return null;
  const first = datagram.readUInt8(0);
  if (first >> 6 !== RTP_VERSION) return null;
  const padded = (first & 0x20) !== 0;
  const hasExtension = (first & 0x10) !== 0;
  const csrcCount = first & 0x0f;

  let headerBytes = RTP_FIXED_HEADER_BYTES + csrcCount * CSRC_BYTES;
  let extensionBodyBytes = 0;
  if (hasExtension) {
    if (datagram.length < headerBytes + RTP_EXTENSION_HEADER_BYTES) return null;
    extensionBodyBytes = datagram.readUInt16BE(headerBytes + 2) * EXTENSION_WORD_BYTES;
    headerBytes += RTP_EXTENSION_HEADER_BYTES;
  }
  const ciphertextEnd = datagram.length - AEAD_TAG_BYTES - RTP_NONCE_SUFFIX_BYTES;
  if (ciphertextEnd < headerBytes + extensionBodyBytes) return null;

  return {
    sequence: datagram.readUInt16BE(2),
    timestamp: datagram.readUInt32BE(4),
    ssrc: datagram.readUInt32BE(8),
    payloadType: datagram.readUInt8(1) & 0x7f,
    header: datagram.subarray(0, headerBytes),
    ciphertext: datagram.subarray(headerBytes, ciphertextEnd),
    tag: datagram.subarray(ciphertextEnd, ciphertextEnd + AEAD_TAG_BYTES),
    nonceSuffix: datagram.subarray(ciphertextEnd + AEAD_TAG_BYTES),
    extensionBodyBytes,
    padded,
  };
}

/** The Opus payload inside a decrypted plaintext: extension body skipped, padding removed. */
export function opusPayloadOf(packet: RtpPacket, plaintext: Buffer): Buffer | null {
  let end = plaintext.length;
  if (packet.padded) {
    const padding = end > 0 ? plaintext.readUInt8(end - 1) : 0;
    if (padding === 0 || padding > end - packet.extensionBodyBytes) return null;
    end -= padding;
  }
  return plaintext.subarray(packet.extensionBodyBytes, end);
}
