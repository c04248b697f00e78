import { X509Certificate, createPrivateKey } from 'node:crypto';
import { generate } from 'selfsigned';

/** A certificate authority as PEM text: what clients trust (`certPem`) and what signs server certificates. */
export interface CertificateAuthority {
  readonly keyPem: string;
  readonly certPem: string;
}

/** Options for {@link createCertificateAuthority}. */
export interface CertificateAuthorityOptions {
  /** Subject common name, shown by tools that inspect the chain. */
  readonly commonName?: string;
  /** How long the authority stays valid, in days. */
  readonly validDays?: number;
}

const DAY_MS = 86_400_000;
export const DEFAULT_CA_VALID_DAYS = 365;
const DEFAULT_CA_COMMON_NAME = 'discord-sim local CA';

/**
 * Generates a fresh certificate authority (ECDSA P-256, SHA-256).
 *
 * Clients trust it by starting with `NODE_EXTRA_CA_CERTS=<file holding certPem>`; Node reads that
 * variable once at process start, so the file must exist before the client process starts.
 */
export async function createCertificateAuthority(
  options: CertificateAuthorityOptions = {},
): Promise<CertificateAuthority> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: options.commonName ?? DEFAULT_CA_COMMON_NAME }], {
    keyType: 'ec',
    algorithm: 'sha256',
    // Backdated a little so a client whose clock is slightly behind still accepts it.
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + (options.validDays ?? DEFAULT_CA_VALID_DAYS) * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { keyPem: pems.private, certPem: pems.cert };
}

/** Why an existing authority cannot be used; `null` when it can. */
export function checkCertificateAuthority(ca: CertificateAuthority, atMs = Date.now()): string | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(ca.certPem);
  } catch {
    return 'certificate is not a PEM X.509 certificate';
  }
  if (!cert.ca) return 'certificate is not a CA certificate';
  if (Date.parse(cert.validFrom) > atMs) return 'certificate is not valid yet';
  if (Date.parse(cert.validTo) <= atMs + DAY_MS) return 'certificate expires within a day';
  try {
    if (!cert.checkPrivateKey(createPrivateKey(ca.keyPem)))
      return 'private key does not match the certificate';
  } catch {
    return 'private key is not a PEM private key';
  }
  return null;
}
