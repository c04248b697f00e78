import { VoiceUDPSocket } from '@discordjs/voice';
import { describe, expect, it } from 'vitest';
import { guardVoiceUdpSends } from '../../src/voice/udp-keepalive-guard.js';

describe('voice UDP send guard', () => {
  it('GIVEN a voice UDP socket destroyed in the turn it was created THEN its first keep-alive does not throw', async () => {
    guardVoiceUdpSends();
    guardVoiceUdpSends(); // idempotent: a second call does not wrap twice
    const errors: unknown[] = [];
    const onUncaught = (error: unknown): void => {
      errors.push(error);
    };
    process.on('uncaughtException', onUncaught);
    try {
      const socket = new VoiceUDPSocket({ ip: '127.0.0.1', port: 9 });
      socket.destroy();
      // The library's first keep-alive runs from a setImmediate queued by the constructor.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(errors).toEqual([]);
  });

  it('GIVEN a send failing for another reason THEN the error still reaches the caller', () => {
    guardVoiceUdpSends();
    const socket = new VoiceUDPSocket({ ip: '127.0.0.1', port: 9 });
    try {
      expect(() => (socket as unknown as { send(b: unknown): void }).send(123)).toThrow(
        expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }),
      );
    } finally {
      socket.destroy();
    }
  });
});
