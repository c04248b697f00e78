import { VoiceUDPSocket } from '@discordjs/voice';

const GUARDED = Symbol.for('discord-bot.audio-node.udp-send-guard');

interface GuardedPrototype {
  send: (this: unknown, buffer: Buffer) => void;
  [GUARDED]?: true;
}

/**
 * Makes a send on a closed voice UDP socket a no-op instead of an uncaught exception.
 *
 * @discordjs/voice 0.19 sends its first UDP keep-alive from a `setImmediate` queued in the socket's
 * constructor. When the connection is destroyed in the same turn (a voice session closing while it is
 * being set up: a node failover, a player destroyed mid-join), the socket is closed before that immediate
 * runs, and dgram throws ERR_SOCKET_DGRAM_NOT_RUNNING synchronously, outside any handler: the process would
 * crash. A datagram for a socket that is gone has nowhere to go, so only that error is swallowed; anything
 * else still throws. Applied once per process, idempotent.
 */
export function guardVoiceUdpSends(): void {
  const prototype = VoiceUDPSocket.prototype as unknown as GuardedPrototype;
  if (prototype[GUARDED] === true) return;
  const send = prototype.send;
  prototype.send = function guardedSend(this: unknown, buffer: Buffer): void {
    try {
      send.call(this, buffer);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'ERR_SOCKET_DGRAM_NOT_RUNNING') throw error;
    }
  };
  prototype[GUARDED] = true;
}
