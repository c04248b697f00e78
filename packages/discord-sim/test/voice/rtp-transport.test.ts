import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRtpPacket } from '../../src/voice/rtp-packet.js';
import { createTransportDecryptor } from '../../src/voice/transport-decryptor.js';
import type { VoiceEncryptionMode } from '../../src/voice/index.js';
import { sealRtpPacket, type PacketShape } from './support/seal-rtp-packet.js';

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
    const packet = parseRtpPacket(sealRtpPacket(mode, key, opus, shape));
    expect(packet).not.toBeNull();
    expect(packet).toMatchObject({ sequence: 4242, timestamp: 960 * 7, ssrc: 0xdeadbeef, payloadType: 120 });
    expect(createTransportDecryptor(mode, key).open(packet!)).toEqual(opus);
  });

  it('WHEN a byte of the clear header or of the ciphertext is altered, or the key differs THEN nothing comes out', () => {
    const datagram = sealRtpPacket(mode, key, opus, { extensionWords: 1 });
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
