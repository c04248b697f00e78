/**
 * Vitest global setup: makes one certificate authority for the whole test run and trusts it in every
 * test worker.
 *
 * Node reads `NODE_EXTRA_CA_CERTS` only when a process starts, so the authority must exist before Vitest
 * forks its workers; they inherit this process's environment. Tests hand the same authority to the
 * simulator through `DISCORD_SIM_CA_DIR` (see `readCertificateAuthority`), so its TLS certificates verify
 * in `@discordjs/voice` without ever disabling certificate checks.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateCertificateAuthority } from '../src/tls/index.js';

/** Environment variable naming the directory that holds the test authority (`ca.pem`, `ca-key.pem`). */
export const TEST_CA_DIR_ENV = 'DISCORD_SIM_CA_DIR';

const BUNDLE_FILE = 'ca-bundle.pem';

export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  // One directory per OS user: the key must not be shared with, or planted by, another account.
  const owner = process.getuid?.() ?? 'user';
  const stored = await loadOrCreateCertificateAuthority(join(tmpdir(), `discord-sim-test-ca-${owner}`), {
    commonName: 'discord-sim test CA',
  });
  process.env[TEST_CA_DIR_ENV] = stored.dir;

  // Keep whatever extra authorities the developer already trusts: Node accepts only one file.
  const inherited = process.env.NODE_EXTRA_CA_CERTS;
  if (inherited === undefined || inherited === '' || inherited === stored.certPath) {
    process.env.NODE_EXTRA_CA_CERTS = stored.certPath;
    return undefined;
  }
  const bundlePath = join(stored.dir, `${process.pid}-${BUNDLE_FILE}`);
  const inheritedPem = await readFile(inherited, 'utf8').catch(() => '');
  await writeFile(bundlePath, `${inheritedPem.trimEnd()}\n${stored.ca.certPem}`, { mode: 0o644 });
  process.env.NODE_EXTRA_CA_CERTS = bundlePath;
  return () => rm(bundlePath, { force: true });
}
