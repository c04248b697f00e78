/**
 * `AUDIO_NODE_HTTP_ALLOWLIST`: hosts or CIDRs that HTTP sources may reach even though they are in a
 * blocked range (a LAN Icecast server, a test server on 127.0.0.1).
 */
import { BlockList, isIP } from 'node:net';

/** Decides whether a host name or resolved address was explicitly allowed. */
export interface HttpAllowlist {
  allowsHost(hostname: string): boolean;
  allowsAddress(address: string): boolean;
}

/**
 * Builds an allowlist from entries like `radio.lan`, `127.0.0.1`, `10.0.0.0/8` or `fd00::/8`.
 * Throws on a malformed CIDR, so a typo fails at start instead of silently allowing nothing.
 */
export function createHttpAllowlist(entries: readonly string[]): HttpAllowlist {
  const hosts = new Set<string>();
  const ranges = new BlockList();
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') continue;
    const [address = '', prefixText] = entry.replace(/^\[|\](?=\/|$)/g, '').split('/');
    const family = isIP(address);
    if (family === 0) {
      if (prefixText !== undefined) throw new Error(`Invalid CIDR in HTTP allowlist: ${raw}`);
      hosts.add(entry);
      continue;
    }
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const maxPrefix = family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
      throw new Error(`Invalid CIDR in HTTP allowlist: ${raw}`);
    }
    ranges.addSubnet(address, prefix, type);
  }
  return {
    allowsHost: (hostname) => {
      const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
      if (hosts.has(host)) return true;
      // `*.example.com` allows sub-domains of example.com (not example.com itself).
      const dot = host.indexOf('.');
      return dot > 0 && hosts.has(`*${host.slice(dot)}`);
    },
    allowsAddress: (address) => {
      const family = isIP(address);
      return family !== 0 && ranges.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
