import { createCipheriv, randomBytes } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { describe, expect, it } from 'vitest';
import { parseRtpPacket } from '../../src/voice/rtp-packet.js';
import { createTransportDecryptor } from '../../src/voice/transport-decryptor.js';
import type { VoiceEncryptionMode } from '../../src/voice/index.js';

interface PacketShape {
  readonly csrcs?: readonly number[];
  /** Extension body words (4 bytes each), sent encrypted. */
  readonly extensionWords?: number;
  readonly padding?: number;
}

/** Builds an rtpsize packet the way Discord clients do: header and extension header in the clear, the rest sealed. */
function sealPacket(mode: VoiceEncryptionMode, key: Buffer, opus: Buffer, shape: PacketShape = {}): Buffer {
  const csrcs = shape.csrcs ?? [];
  const extensionWords = shape.extensionWords ?? 0;
  const padding = shape.padding ?? 0;
  const fixed = Buffer.alloc(12);
  fixed[0] = 0x80 | (padding > 0 ? 0x20 : 0) | (extensionWords > 0 ? 0x10 : 0) | csrcs.length;
  fixed[1] = 0x78;
  fixed.writeUInt16BE(4242, 2);
  fixed.writeUInt32BE(960 * 7, 4);
  fixed.writeUInt32BE(0xdeadbeef, 8);
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
  counter.writeUInt32BE(77, 0);
  if (mode === 'aead_aes256_gcm_rtpsize') {
    const nonce = Buffer.concat([counter, Buffer.alloc(8)]);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    cipher.setAAD(header);
    return Buffer.concat([header, cipher.update(plaintext), cipher.final(), cipher.getAuthTag(), counter]);
  }
  const nonce = Buffer.concat([counter, Buffer.alloc(20)]);
  const sealed = xchacha20poly1305(key, nonce, header).encrypt(plaintext);
  return Buffer.concat([header, sealed, counter]);
}

const modes: VoiceEncryptionMode[] = ['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'];
const shapes: [string, PacketShape][] = [
  ['a bare header (what @discordjs/voice sends)', {}],
  ['a header extension', { extensionWords: 2 }],
  ['CSRCs and a header extension', { csrcs: [1, 2], extensionWords: 1 }],
  ['padding', { padding: 3 }],
];

describe.each(modes)('GIVEN a session keyed for %s', (mode) => {
  const key = randomBytes(32);
  const opus = Buffer.from([0xfc, 0xff, 0xfe, 1, 2, 3, 4, 5]);

  it.each(shapes)('WHEN a packet with %s arrives THEN the Opus payload comes out exactly', (_name, shape) => {
    const packet = parseRtpPacket(sealPacket(mode, key, opus, shape));
    expect(packet).not.toBeNull();
    expect(packet).toMatchObject({ sequence: 4242, timestamp: 960 * 7, ssrc: 0xdeadbeef, payloadType: 120 });
    expect(createTransportDecryptor(mode, key).open(packet!)).toEqual(opus);
  });

  it('WHEN a byte of the clear header or of the ciphertext is altered, or the key differs THEN nothing comes out', () => {
    const datagram = sealPacket(mode, key, opus, { extensionWords: 1 });
    const decryptor = createTransportDecryptor(mode, key);
    for (const offset of [2, 14, 17]) {
      const tampered = Buffer.from(datagram);
      tampered[offset]! ^= 0x01;
      expect(decryptor.open(parseRtpPacket(tampered)!)).toBeNull();
    }
    expect(createTransportDecryptor(mode, randomBytes(32)).open(parseRtpPacket(datagram)!)).toBeNull();
  });
});

describe('GIVEN datagrams that are not rtpsize RTP', () => {
  it('THEN they are rejected without throwing', () => {
    expect(parseRtpPacket(Buffer.alloc(8))).toBeNull();
    expect(parseRtpPacket(Buffer.from([0x40, 0x78, ...Buffer.alloc(40)]))).toBeNull();
    // Claims a 100-word extension the datagram cannot hold.
    const lying = Buffer.alloc(40);
    lying[0] = 0x90;
    lying.writeUInt16BE(100, 14);
    expect(parseRtpPacket(lying)).toBeNull();
  });
});
