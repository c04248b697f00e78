import { createDecipheriv } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { opusPayloadOf, type RtpPacket } from './rtp-packet.js';
import type { VoiceEncryptionMode } from './voice-server-contract.js';

/** Opens the transport encryption of one session's RTP packets. */
export interface TransportDecryptor {
  /** The Opus payload, or `null` when the packet does not authenticate under this session's key. */
  open(packet: RtpPacket): Buffer | null;
}

const AES_GCM_NONCE_BYTES = 12;
const XCHACHA_NONCE_BYTES = 24;

/** The full nonce: the 4-byte counter from the packet, then zeros. */
function expandNonce(suffix: Buffer, bytes: number): Buffer {
  const nonce = Buffer.alloc(bytes);
  suffix.copy(nonce, 0);
  return nonce;
}

class AesGcmDecryptor implements TransportDecryptor {
  public constructor(private readonly key: Buffer) {}

  public open(packet: RtpPacket): Buffer | null {
    try {
      const decipher = createDecipheriv(
        'aes-256-gcm',
        this.key,
        expandNonce(packet.nonceSuffix, AES_GCM_NONCE_BYTES),
      );
      decipher.setAAD(packet.header);
      decipher.setAuthTag(packet.tag);
      return opusPayloadOf(packet, Buffer.concat([decipher.update(packet.ciphertext), decipher.final()]));
    } catch {
      return null;
    }
  }
}

class XChaChaDecryptor implements TransportDecryptor {
  public constructor(private readonly key: Uint8Array) {}

  public open(packet: RtpPacket): Buffer | null {
    try {
      const cipher = xchacha20poly1305(
        this.key,
        expandNonce(packet.nonceSuffix, XCHACHA_NONCE_BYTES),
        packet.header,
      );
      const plaintext = cipher.decrypt(Buffer.concat([packet.ciphertext, packet.tag]));
      return opusPayloadOf(packet, Buffer.from(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength));
    } catch {
      return null;
    }
  }
}

/** The decryptor for `mode` under the 32-byte `secretKey` sent in SESSION_DESCRIPTION. */
export function createTransportDecryptor(
  mode: VoiceEncryptionMode,
  secretKey: Uint8Array,
): TransportDecryptor {
  const key = Buffer.from(secretKey);
  switch (mode) {
    case 'aead_aes256_gcm_rtpsize':
      return new AesGcmDecryptor(key);
    case 'aead_xchacha20_poly1305_rtpsize':
      return new XChaChaDecryptor(new Uint8Array(key));
  }
}
