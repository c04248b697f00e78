import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { ipDiscoveryResponse, parseIpDiscoveryRequest } from './ip-discovery.js';
import { parseRtpPacket } from './rtp-packet.js';
import type { VoiceSessionRegistry } from './voice-session-registry.js';

/** RTP payload type Discord uses for Opus. */
export const OPUS_RTP_PAYLOAD_TYPE = 120;
/** Size of the client's UDP keepalive (a counter), sent every 5 s. */
export const KEEPALIVE_BYTES = 8;

/** Datagrams the UDP side could not use, by reason: for tests and diagnostics. */
export interface UdpCounters {
  unknownSsrc: number;
  notReady: number;
  decryptFailures: number;
  malformed: number;
}

/**
 * The voice UDP socket: answers IP discovery, tolerates keepalives, and hands decrypted Opus frames to
 * the audio monitor of the session that owns the packet's SSRC.
 */
export class VoiceUdpServer {
  public readonly counters: UdpCounters = { unknownSsrc: 0, notReady: 0, decryptFailures: 0, malformed: 0 };
  private socket: Socket | null = null;
  /** IP discovery requests still to ignore (fault injection: a lost datagram). */
  private discoveriesToDrop = 0;

  public constructor(private readonly registry: VoiceSessionRegistry) {}

  /** The bound address; throws before {@link start}. */
  public address(): AddressInfo {
    if (this.socket === null) throw new Error('voice UDP server is not started');
    return this.socket.address();
  }

  /** Ignores the next `count` IP discovery requests, as if they were lost on the way. */
  public dropIpDiscovery(count: number): void {
    this.discoveriesToDrop += Math.max(0, Math.floor(count));
  }

  public async start(host: string, port = 0): Promise<void> {
    const socket = createSocket('udp4');
    socket.on('message', (datagram, remote) => this.onDatagram(datagram, remote));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, host, () => {
        socket.off('error', reject);
        resolve();
      });
    });
    // Datagram errors (an ICMP unreachable from a client that left) must not crash the simulator.
    socket.on('error', () => undefined);
    this.socket = socket;
  }

  public async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = null;
    if (socket !== null) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }

  private onDatagram(datagram: Buffer, remote: RemoteInfo): void {
    const discoverySsrc = parseIpDiscoveryRequest(datagram);
    if (discoverySsrc !== null) {
      if (this.registry.findBySsrc(discoverySsrc) === undefined) {
        this.counters.unknownSsrc += 1;
        return;
      }
      if (this.discoveriesToDrop > 0) {
        this.discoveriesToDrop -= 1;
        return;
      }
      this.socket?.send(
        ipDiscoveryResponse(discoverySsrc, remote.address, remote.port),
        remote.port,
        remote.address,
      );
      return;
    }
    // Keepalives need no answer.
    if (datagram.length === KEEPALIVE_BYTES) return;
    const packet = parseRtpPacket(datagram);
    if (packet === null) {
      this.counters.malformed += 1;
      return;
    }
    // RTCP and other payload types carry no audio.
    if (packet.payloadType !== OPUS_RTP_PAYLOAD_TYPE) return;
    const session = this.registry.findBySsrc(packet.ssrc);
    if (session === undefined) {
      this.counters.unknownSsrc += 1;
      return;
    }
    if (session.decryptor === null) {
      this.counters.notReady += 1;
      return;
    }
    const opus = session.decryptor.open(packet);
    if (opus === null) {
      this.counters.decryptFailures += 1;
      return;
    }
    session.audio.onPacket(packet.ssrc, packet.sequence, opus);
  }
}
