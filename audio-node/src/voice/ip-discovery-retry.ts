import { NetworkingStatusCode, type Networking, type NetworkingState } from '@discordjs/voice';

/** Timing of {@link retryIpDiscovery}. */
export interface IpDiscoveryRetryOptions {
  /** Pause between two sends of the request while no answer came, ms. */
  readonly intervalMs: number;
  /** Requests sent in all, the library's own first one included. */
  readonly attempts: number;
}

export const DefaultIpDiscoveryRetryOptions = {
  intervalMs: 500,
  attempts: 20,
} as const satisfies Required<IpDiscoveryRetryOptions>;

/** Size of an IP discovery request: `type=1 | length=70 | ssrc | 66 zero bytes`. */
const REQUEST_BYTES = 74;
const REQUEST_TYPE = 1;
const REQUEST_BODY_BYTES = 70;

function discoveryRequest(ssrc: number): Buffer {
  const request = Buffer.alloc(REQUEST_BYTES);
  request.writeUInt16BE(REQUEST_TYPE, 0);
  request.writeUInt16BE(REQUEST_BODY_BYTES, 2);
  request.writeUInt32BE(ssrc, 4);
  return request;
}

/**
 * Sends a voice connection's UDP IP discovery request again while it stays unanswered.
 *
 * @discordjs/voice 0.19 sends the request once and waits for the answer without a timeout: one datagram
 * lost either way (a full receive buffer on a busy voice server or host) leaves the connection in its UDP
 * handshake for good, heartbeating, never Ready, and its track never heard. The library's listener stays
 * on the socket until an answer comes, so sending the same request again is all a retry needs; answers
 * after the first are ignored (the receiver drops datagrams of unknown SSRCs). Stops as soon as the
 * handshake moves on, the networking closes, or after {@link IpDiscoveryRetryOptions.attempts} requests.
 *
 * @param networking - a voice connection's networking, watched from its creation
 */
export function retryIpDiscovery(
  networking: Networking,
  options: IpDiscoveryRetryOptions = DefaultIpDiscoveryRetryOptions,
): void {
  let timer: NodeJS.Timeout | null = null;
  const stop = (): void => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  networking.on('stateChange', (_before: NetworkingState, after: NetworkingState) => {
    stop();
    if (after.code !== NetworkingStatusCode.UdpHandshaking) return;
    const { udp } = after;
    const request = discoveryRequest(after.connectionData.ssrc);
    let sent = 1;
    timer = setInterval(() => {
      if (sent >= options.attempts) return stop();
      sent += 1;
      udp.send(request);
    }, options.intervalMs);
    timer.unref();
  });
}
