/**
 * UDP IP discovery: the client sends a 74-byte request `type=1 | length=70 | ssrc | 66 zero bytes`;
 * the server answers with the same size `type=2 | length=70 | ssrc | NUL-terminated IPv4 | port`,
 * telling the client the address and port its datagrams come from.
 */

export const IP_DISCOVERY_PACKET_BYTES = 74;
const IP_DISCOVERY_REQUEST = 1;
const IP_DISCOVERY_RESPONSE = 2;
const IP_DISCOVERY_BODY_BYTES = 70;
const ADDRESS_OFFSET = 8;
const ADDRESS_MAX_BYTES = 64;

/** The SSRC asking, when `datagram` is an IP discovery request; otherwise `null`. */
export function parseIpDiscoveryRequest(datagram: Buffer): number | null {
  if (datagram.length !== IP_DISCOVERY_PACKET_BYTES) return null;
  if (datagram.readUInt16BE(0) !== IP_DISCOVERY_REQUEST) return null;
  if (datagram.readUInt16BE(2) !== IP_DISCOVERY_BODY_BYTES) return null;
  return datagram.readUInt32BE(4);
}

/** The response telling `ssrc` it is seen at `address:port`. */
export function ipDiscoveryResponse(ssrc: number, address: string, port: number): Buffer {
  const response = Buffer.alloc(IP_DISCOVERY_PACKET_BYTES);
  response.writeUInt16BE(IP_DISCOVERY_RESPONSE, 0);
  response.writeUInt16BE(IP_DISCOVERY_BODY_BYTES, 2);
  response.writeUInt32BE(ssrc, 4);
  // The buffer is zero-filled, so the address is NUL-terminated.
  response.write(address, ADDRESS_OFFSET, ADDRESS_MAX_BYTES - 1, 'ascii');
  response.writeUInt16BE(port, IP_DISCOVERY_PACKET_BYTES - 2);
  return response;
}
