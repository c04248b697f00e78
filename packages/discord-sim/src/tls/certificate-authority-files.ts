import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '@discord-bot/errors';
import {
  checkCertificateAuthority,
  createCertificateAuthority,
  type CertificateAuthority,
  type CertificateAuthorityOptions,
} from './certificate-authority.js';

/** File names inside a certificate authority directory. */
export const CA_CERT_FILE = 'ca.pem';
export const CA_KEY_FILE = 'ca-key.pem';

/** A certificate authority together with the file clients point `NODE_EXTRA_CA_CERTS` at. */
export interface StoredCertificateAuthority {
  readonly ca: CertificateAuthority;
  readonly dir: string;
  /** Absolute path of the CA certificate PEM: the value for `NODE_EXTRA_CA_CERTS`. */
  readonly certPath: string;
}

/** Writes `ca` into `dir` (created if needed); the key file is readable by the owner only. */
export async function writeCertificateAuthority(
  dir: string,
  ca: CertificateAuthority,
): Promise<StoredCertificateAuthority> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await writeFile(join(dir, CA_KEY_FILE), ca.keyPem, { mode: 0o600 });
  await writeFile(join(dir, CA_CERT_FILE), ca.certPem, { mode: 0o644 });
  return { ca, dir, certPath: join(dir, CA_CERT_FILE) };
}

/**
 * Reads a certificate authority written by {@link writeCertificateAuthority}.
 *
 * @throws AppError `SIM_CA_INVALID` when the files are missing, unreadable, mismatched or (nearly) expired.
 */
export async function readCertificateAuthority(dir: string): Promise<StoredCertificateAuthority> {
  let ca: CertificateAuthority;
  try {
    ca = {
      keyPem: await readFile(join(dir, CA_KEY_FILE), 'utf8'),
      certPem: await readFile(join(dir, CA_CERT_FILE), 'utf8'),
    };
  } catch (cause) {
    throw new AppError('SIM_CA_INVALID', 'cannot read the certificate authority files', {
      cause,
      details: { dir },
    });
  }
  const problem = checkCertificateAuthority(ca);
  if (problem !== null) {
    throw new AppError('SIM_CA_INVALID', `unusable certificate authority: ${problem}`, { details: { dir } });
  }
  return { ca, dir, certPath: join(dir, CA_CERT_FILE) };
}

const CREATE_ATTEMPTS = 3;

/**
 * Reuses the certificate authority stored in `dir` when it is usable, otherwise creates one there.
 *
 * Safe when several processes race: each builds its candidate in a private sibling directory and
 * renames it into place; a loser discards its candidate and reads the winner's. A stale authority
 * (expired, mismatched) is replaced.
 *
 * @throws AppError `SIM_CA_INVALID` when no usable authority can be put in place.
 */
export async function loadOrCreateCertificateAuthority(
  dir: string,
  options: CertificateAuthorityOptions = {},
): Promise<StoredCertificateAuthority> {
  let lastError: unknown;
  for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt += 1) {
    try {
      return await readCertificateAuthority(dir);
    } catch (error) {
      lastError = error;
    }
    const candidateDir = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
    await writeCertificateAuthority(candidateDir, await createCertificateAuthority(options));
    try {
      await rename(candidateDir, dir);
      return await readCertificateAuthority(dir);
    } catch {
      // `dir` exists: another process just won the race (read it next turn) or it holds a stale authority.
      await rm(candidateDir, { recursive: true, force: true });
      const winner = await readCertificateAuthority(dir).catch(() => null);
      if (winner !== null) return winner;
      await rm(dir, { recursive: true, force: true });
    }
  }
  throw new AppError('SIM_CA_INVALID', 'could not create a usable certificate authority', {
    cause: lastError,
    details: { dir },
  });
}
