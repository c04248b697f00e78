import { generate } from 'selfsigned';
import type { CertificateAuthority } from './certificate-authority.js';

/** A TLS server identity: private key and certificate chain, as PEM. */
export interface ServerCertificate {
  readonly keyPem: string;
  readonly certPem: string;
}

/** Names the simulator is reached by; `@discordjs/voice` connects to `wss://localhost:PORT`. */
export const DEFAULT_SERVER_HOSTNAMES: readonly string[] = ['localhost'];
export const DEFAULT_SERVER_IPS: readonly string[] = ['127.0.0.1'];

const DAY_MS = 86_400_000;
const SERVER_CERT_VALID_DAYS = 30;

/**
 * Issues a server certificate signed by `ca` whose subject alternative names cover the given host names
 * and IP addresses (by default `localhost` and `127.0.0.1`).
 */
export async function issueServerCertificate(
  ca: CertificateAuthority,
  names: { readonly hostnames?: readonly string[]; readonly ips?: readonly string[] } = {},
): Promise<ServerCertificate> {
  const hostnames = names.hostnames ?? DEFAULT_SERVER_HOSTNAMES;
  const ips = names.ips ?? DEFAULT_SERVER_IPS;
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: hostnames[0] ?? ips[0] ?? 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + SERVER_CERT_VALID_DAYS * DAY_MS),
    ca: { key: ca.keyPem, cert: ca.certPem },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...hostnames.map((value) => ({ type: 2 as const, value })),
          ...ips.map((ip) => ({ type: 7 as const, ip })),
        ],
      },
    ],
  });
  return { keyPem: pems.private, certPem: pems.cert };
}
