import { afterEach, describe, expect, it } from 'vitest';
import { VoiceCloseCode, VoiceOpcode, type SimVoiceServer } from '../../src/voice/index.js';
import { RawVoiceClient } from './support/raw-voice-client.js';
import { startTestVoiceServer } from './support/test-voice-server.js';

const guildId = '1500000000000000001';
const userId = '1500000000000000002';
const sessionId = 'heartbeat-session';
const HEARTBEAT_INTERVAL_MS = 250;

describe('GIVEN a voice server announcing a 250 ms heartbeat interval', () => {
  let server: SimVoiceServer;
  const clients: RawVoiceClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.stop();
  });

  async function identified(): Promise<{ client: RawVoiceClient; token: string; endpoint: string }> {
    server = await startTestVoiceServer({ heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS });
    const { token, endpoint } = server.allocate({
      guildId,
      userId,
      sessionId,
      channelId: '1500000000000000003',
    });
    const client = await RawVoiceClient.connect(endpoint);
    clients.push(client);
    expect((await client.next(VoiceOpcode.Hello)).d).toMatchObject({
      heartbeat_interval: HEARTBEAT_INTERVAL_MS,
    });
    client.send({
      op: VoiceOpcode.Identify,
      d: { server_id: guildId, user_id: userId, session_id: sessionId, token },
    });
    await client.next(VoiceOpcode.Ready);
    return { client, token, endpoint };
  }

  it('WHEN the client heartbeats on time THEN the socket stays open past several intervals', async () => {
    const { client } = await identified();
    const beat = setInterval(
      () => client.send({ op: VoiceOpcode.Heartbeat, d: { t: Date.now(), seq_ack: 1 } }),
      50,
    );
    try {
      const outcome = await Promise.race([
        client.closed.then(({ code }) => `closed ${code}`),
        new Promise((resolve) => setTimeout(() => resolve('open'), 4 * HEARTBEAT_INTERVAL_MS)),
      ]);
      expect(outcome).toBe('open');
    } finally {
      clearInterval(beat);
    }
  });

  it('WHEN the client stops heartbeating THEN it is closed with 4009 and the session can no longer be resumed', async () => {
    const { client, token, endpoint } = await identified();
    expect((await client.closed).code).toBe(VoiceCloseCode.SessionTimeout);

    const retry = await RawVoiceClient.connect(endpoint);
    clients.push(retry);
    retry.send({
      op: VoiceOpcode.Resume,
      d: { server_id: guildId, session_id: sessionId, token, seq_ack: 1 },
    });
    expect((await retry.closed).code).toBe(VoiceCloseCode.SessionNoLongerValid);
  });
});
