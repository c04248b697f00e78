import { createCipheriv, randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import type { VoiceEncryptionMode } from '../../../src/voice/index.js';

/** Optional RTP features a sender may use; `@discordjs/voice` uses none of them. */
export interface PacketShape {
  readonly sequence?: number;
  readonly timestamp?: number;
  readonly ssrc?: number;
  /** The 4-byte nonce counter. */
  readonly counter?: number;
  readonly csrcs?: readonly number[];
  /** Extension body words (4 bytes each), sent encrypted. */
  readonly extensionWords?: number;
  readonly padding?: number;
}

/**
 * Builds an rtpsize packet the way Discord clients do: the fixed header, CSRCs and extension header in the
 * clear (and authenticated), the extension body, Opus and padding sealed, then the tag and the nonce counter.
 */
export function sealRtpPacket(
  mode: VoiceEncryptionMode,
  key: Uint8Array,
  opus: Buffer,
  shape: PacketShape = {},
): Buffer {
  const csrcs = shape.csrcs ?? [];
  const extensionWords = shape.extensionWords ?? 0;
  const padding = shape.padding ?? 0;
  const fixed = Buffer.alloc(12);
  fixed[0] = 0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords > 0 ? 0x10 : 0) | csrcs.length;
  fixed[1] = 0x78;
  fixed.writeUInt16BE(shape.sequence ?? 4242, 2);
  fixed.writeUInt32BE(shape.timestamp ?? 960 * 7, 4);
  fixed.writeUInt32BE(shape.ssrc ?? 0xdeadbeef, 8);
  const csrcBytes = Buffer.alloc(4 * csrcs.length);
  csrcs.forEach((csrc, index) => csrcBytes.writeUInt32BE(csrc, index * 4));
  const extensionHeader = Buffer.alloc(extensionWords > 0 ? 4 : 0);
  if (extensionWords > 0) {
    extensionHeader.writeUInt16BE(0xbede, 0);
    extensionHeader.writeUInt16BE(extensionWords, 2);
  }
  const header = Buffer.concat([fixed, csrcBytes, extensionHeader]);
  const paddingBytes = Buffer.alloc(padding, 0);
  if (padding > 0) paddingBytes[padding - 1] = padding;
  const plaintext = Buffer.concat([randomBytes(4 * extensionWords), opus, paddingBytes]);

  const counter = Buffer.alloc(4);
  counter.writeUInt32BE(shape.counter ?? 77, 0);
  if (mode === 'aead_aes256_gcm_rtpsize') {
    const cipher = createCipheriv('aes-256-gcm', key, Buffer.concat([counter, Buffer.alloc(8)]));
    cipher.setAAD(header);
    return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag(), counter]);
  }
  const sealed = xchacha20poly1305(key, Buffer.concat([counter, Buffer.alloc(20)]), header).encrypt(
    plaintext,
  );
  return Buffer.concat([header, sealed, counter]);
}
