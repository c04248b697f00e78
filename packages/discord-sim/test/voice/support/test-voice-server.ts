import {
  readCertificateAuthority,
  issueServerCertificate,
  type StoredCertificateAuthority,
} from '../../../src/tls/index.js';
import {
  createVoiceServer,
  type SimVoiceServer,
  type SimVoiceServerOptions,
} from '../../../src/voice/index.js';

/** The test run's certificate authority, made by the Vitest global setup and trusted by this worker. */
export async function testCertificateAuthority(): Promise<StoredCertificateAuthority> {
  const dir = process.env.DISCORD_SIM_CA_DIR;
  if (dir === undefined)
    throw new Error('DISCORD_SIM_CA_DIR is not set: run the tests through the root vitest.config.ts');
  return readCertificateAuthority(dir);
}

/** A started voice server whose certificate chains to the test authority. */
export async function startTestVoiceServer(
  options: Omit<SimVoiceServerOptions, 'tls'> = {},
): Promise<SimVoiceServer> {
  const { ca } = await testCertificateAuthority();
  const server = createVoiceServer({ ...options, tls: await issueServerCertificate(ca) });
  await server.start();
  return server;
}
