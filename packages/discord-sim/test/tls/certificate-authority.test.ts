import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CA_CERT_FILE,
  checkCertificateAuthority,
  createCertificateAuthority,
  issueServerCertificate,
  loadOrCreateCertificateAuthority,
  readCertificateAuthority,
} from '../../src/tls/index.js';

describe('GIVEN a generated certificate authority', () => {
  it('THEN it is a CA whose key matches, and it issues server certificates for localhost and 127.0.0.1', async () => {
    const ca = await createCertificateAuthority();
    expect(checkCertificateAuthority(ca)).toBeNull();
    const caCert = new X509Certificate(ca.certPem);
    expect(caCert.ca).toBe(true);

    const server = await issueServerCertificate(ca);
    const serverCert = new X509Certificate(server.certPem);
    expect(serverCert.ca).toBe(false);
    expect(serverCert.checkIssued(caCert)).toBe(true);
    expect(serverCert.verify(caCert.publicKey)).toBe(true);
    expect(serverCert.checkHost('localhost')).toBe('localhost');
    expect(serverCert.checkIP('127.0.0.1')).toBe('127.0.0.1');
  });

  it('THEN a different key, a leaf certificate or garbage is refused as an authority', async () => {
    const ca = await createCertificateAuthority();
    const other = await createCertificateAuthority();
    const leaf = await issueServerCertificate(ca);
    expect(checkCertificateAuthority({ keyPem: other.keyPem, certPem: ca.certPem })).toMatch(
      /does not match/,
    );
    expect(checkCertificateAuthority(leaf)).toMatch(/not a CA/);
    expect(checkCertificateAuthority({ keyPem: ca.keyPem, certPem: 'nonsense' })).toMatch(/not a PEM/);
  });
});

describe('GIVEN a directory for a stored certificate authority', () => {
  let root: string;
  let dir: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'discord-sim-ca-test-'));
    dir = join(root, 'ca');
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('WHEN it is empty THEN one authority is created, and later loads reuse it', async () => {
    const created = await loadOrCreateCertificateAuthority(dir);
    const reused = await loadOrCreateCertificateAuthority(dir);
    expect(reused.ca.certPem).toBe(created.ca.certPem);
    expect(created.certPath).toBe(join(dir, CA_CERT_FILE));
    expect(await readFile(created.certPath, 'utf8')).toBe(created.ca.certPem);
  });

  it('WHEN several processes race THEN they all end up with the same authority', async () => {
    const results = await Promise.all([1, 2, 3, 4].map(() => loadOrCreateCertificateAuthority(dir)));
    expect(new Set(results.map((result) => result.ca.certPem)).size).toBe(1);
    expect((await readCertificateAuthority(dir)).ca.certPem).toBe(results[0]!.ca.certPem);
  });

  it('WHEN it holds a broken authority THEN reading fails with SIM_CA_INVALID and load-or-create replaces it', async () => {
    await loadOrCreateCertificateAuthority(dir);
    await writeFile(join(dir, CA_CERT_FILE), 'broken');
    await expect(readCertificateAuthority(dir)).rejects.toMatchObject({ code: 'SIM_CA_INVALID' });
    const replaced = await loadOrCreateCertificateAuthority(dir);
    expect(checkCertificateAuthority(replaced.ca)).toBeNull();
  });
});
