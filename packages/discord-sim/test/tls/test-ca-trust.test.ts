import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { createCertificateAuthority, issueServerCertificate } from '../../src/tls/index.js';
import type { SimVoiceServer } from '../../src/voice/index.js';
import { startTestVoiceServer, testCertificateAuthority } from '../voice/support/test-voice-server.js';

/** Resolves with the open socket's negotiated TLS state, or rejects with the connection error. */
async function openWss(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return ws;
}

describe('GIVEN a Vitest worker started after the test CA global setup', () => {
  let voice: SimVoiceServer | undefined;
  afterEach(async () => {
    await voice?.stop();
    voice = undefined;
  });

  it('THEN it inherited NODE_EXTRA_CA_CERTS pointing at the test authority', async () => {
    const stored = await testCertificateAuthority();
    // The CA file itself, or a bundle beside it when the developer already trusted other authorities.
    expect(process.env.NODE_EXTRA_CA_CERTS?.startsWith(stored.dir)).toBe(true);
  });

  it('THEN wss to the voice server verifies its certificate, by name and by IP, with checks left on', async () => {
    voice = await startTestVoiceServer();
    const { endpoint } = voice.allocate({ guildId: '1', userId: '2', sessionId: 's', channelId: '3' });
    const port = endpoint.split(':')[1]!;
    for (const host of ['localhost', '127.0.0.1']) {
      const ws = await openWss(`wss://${host}:${port}/?v=8`);
      expect(ws.readyState).toBe(WebSocket.OPEN);
      ws.close();
    }
  });

  it('THEN a server whose certificate comes from another authority is refused', async () => {
    const stranger = await issueServerCertificate(await createCertificateAuthority());
    const server = createServer({ key: stranger.keyPem, cert: stranger.certPem });
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(openWss(`wss://localhost:${port}/`)).rejects.toThrow(/certificate/i);
    } finally {
      wss.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
