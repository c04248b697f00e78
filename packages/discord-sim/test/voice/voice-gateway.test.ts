import { createSocket, type Socket } from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VoiceCloseCode, VoiceOpcode, type SimVoiceServer } from '../../src/voice/index.js';
import { RawVoiceClient } from './support/raw-voice-client.js';
import { startTestVoiceServer } from './support/test-voice-server.js';
import { waitFor } from './support/wait-for.js';

const guildId = '1200000000000000001';
const userId = '1200000000000000002';
const channelId = '1200000000000000003';
const sessionId = 'gateway-session';

interface Ready {
  ssrc: number;
  ip: string;
  port: number;
  modes: string[];
}

describe('GIVEN the voice gateway with an allocated session', () => {
  let server: SimVoiceServer;
  let token: string;
  let endpoint: string;
  const clients: RawVoiceClient[] = [];

  const connect = async (query?: string): Promise<RawVoiceClient> => {
    const client = await RawVoiceClient.connect(endpoint, query);
    clients.push(client);
    return client;
  };
  const identify = (client: RawVoiceClient, overrides: Record<string, unknown> = {}): void =>
    client.send({
      op: VoiceOpcode.Identify,
      d: {
        server_id: guildId,
        user_id: userId,
        session_id: sessionId,
        token,
        max_dave_protocol_version: 1,
        ...overrides,
      },
    });
  const selectProtocol = (client: RawVoiceClient, mode: string): void =>
    client.send({
      op: VoiceOpcode.SelectProtocol,
      d: { protocol: 'udp', data: { address: '127.0.0.1', port: 9, mode } },
    });

  beforeEach(async () => {
    server = await startTestVoiceServer({ modes: ['aead_aes256_gcm_rtpsize'] });
    ({ token, endpoint } = server.allocate({ guildId, userId, sessionId, channelId }));
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await server.stop();
  });

  it('THEN it greets with HELLO, answers IDENTIFY with READY and SELECT_PROTOCOL with a 32-byte key and DAVE declined', async () => {
    expect(endpoint).toMatch(/^localhost:\d+$/);
    const client = await connect();
    const hello = await client.next(VoiceOpcode.Hello);
    expect(hello.d).toMatchObject({ heartbeat_interval: expect.any(Number) as number });

    identify(client);
    const ready = await client.next(VoiceOpcode.Ready);
    const readyData = ready.d as Ready;
    expect(readyData).toMatchObject({ ip: '127.0.0.1', modes: ['aead_aes256_gcm_rtpsize'] });
    expect(readyData.ssrc).toBeGreaterThan(0);
    expect(ready.seq).toBe(1);

    selectProtocol(client, 'aead_aes256_gcm_rtpsize');
    const description = await client.next(VoiceOpcode.SessionDescription);
    const descriptionData = description.d as {
      mode: string;
      secret_key: number[];
      dave_protocol_version: number;
    };
    expect(descriptionData.mode).toBe('aead_aes256_gcm_rtpsize');
    expect(descriptionData.dave_protocol_version).toBe(0);
    expect(descriptionData.secret_key).toHaveLength(32);
    expect(
      descriptionData.secret_key.every((byte) => Number.isInteger(byte) && byte >= 0 && byte < 256),
    ).toBe(true);
    expect(description.seq).toBe(2);
    expect(server.analysis(guildId, 1_000)).toMatchObject({
      connected: true,
      mode: 'aead_aes256_gcm_rtpsize',
      channelId,
    });
  });

  it('THEN a heartbeat is acknowledged with its nonce, and binary frames and SPEAKING are accepted', async () => {
    const client = await connect();
    identify(client);
    await client.next(VoiceOpcode.Ready);
    client.sendBinary(new Uint8Array([26, 1, 2, 3]));
    client.send({ op: VoiceOpcode.Speaking, d: { speaking: 1, delay: 0, ssrc: 1 } });
    client.send({ op: VoiceOpcode.Heartbeat, d: { t: 1234, seq_ack: 1 } });
    const ack = await client.next(VoiceOpcode.HeartbeatAck);
    expect(ack.d).toEqual({ t: 1234 });
    expect(server.analysis(guildId, 1_000).speaking).toBe(true);
  });

  it.each([
    ['a wrong token', { token: 'not-the-token' }, VoiceCloseCode.AuthenticationFailed],
    ['an unknown user', { user_id: '1299999999999999999' }, VoiceCloseCode.AuthenticationFailed],
    ['a stale session id', { session_id: 'older-session' }, VoiceCloseCode.SessionNoLongerValid],
  ])('WHEN a client identifies with %s THEN it is closed with %s', async (_what, overrides, code) => {
    const client = await connect();
    identify(client, overrides);
    expect((await client.closed).code).toBe(code);
  });

  it('WHEN a client selects a mode not offered THEN it is closed with 4016', async () => {
    const client = await connect();
    identify(client);
    await client.next(VoiceOpcode.Ready);
    selectProtocol(client, 'xsalsa20_poly1305');
    expect((await client.closed).code).toBe(VoiceCloseCode.UnknownEncryptionMode);
  });

  it('WHEN a client sends invalid JSON, or SPEAKING before identifying, or an unknown opcode THEN it gets 4002, 4003, 4001', async () => {
    const badJson = await connect();
    badJson.send('{not json');
    expect((await badJson.closed).code).toBe(VoiceCloseCode.FailedToDecode);

    const early = await connect();
    early.send({ op: VoiceOpcode.Speaking, d: { speaking: 1 } });
    expect((await early.closed).code).toBe(VoiceCloseCode.NotAuthenticated);

    const unknown = await connect();
    identify(unknown);
    await unknown.next(VoiceOpcode.Ready);
    unknown.send({ op: 99, d: {} });
    expect((await unknown.closed).code).toBe(VoiceCloseCode.UnknownOpcode);
  });

  it('WHEN a client asks for another gateway version THEN the upgrade is refused', async () => {
    await expect(RawVoiceClient.connect(endpoint, '?v=4')).rejects.toThrow(
      /401|400|Unexpected server response/,
    );
  });

  it('WHEN the server crashes THEN the client is closed with 4015 and RESUME gets RESUMED plus the messages it missed', async () => {
    const first = await connect();
    identify(first);
    await first.next(VoiceOpcode.Ready);
    selectProtocol(first, 'aead_aes256_gcm_rtpsize');
    await first.next(VoiceOpcode.SessionDescription);

    server.crash(guildId);
    expect((await first.closed).code).toBe(VoiceCloseCode.VoiceServerCrashed);
    await waitFor(
      () => server.analysis(guildId, 1_000).connected,
      (connected) => !connected,
      { what: 'disconnected' },
    );

    const second = await connect();
    // Acknowledge only READY (seq 1): SESSION_DESCRIPTION (seq 2) must be replayed.
    second.send({
      op: VoiceOpcode.Resume,
      d: { server_id: guildId, session_id: sessionId, token, seq_ack: 1 },
    });
    await second.next(VoiceOpcode.Resumed);
    const replayed = await second.next(VoiceOpcode.SessionDescription);
    expect(replayed.seq).toBe(2);
    expect(server.analysis(guildId, 1_000).connected).toBe(true);
  });

  it('WHEN the main side disconnects the bot with 4014 THEN the socket closes with 4014 and the session cannot be resumed', async () => {
    const client = await connect();
    identify(client);
    await client.next(VoiceOpcode.Ready);
    selectProtocol(client, 'aead_aes256_gcm_rtpsize');
    await client.next(VoiceOpcode.SessionDescription);

    server.disconnect(guildId, userId, VoiceCloseCode.Disconnected);
    expect((await client.closed).code).toBe(VoiceCloseCode.Disconnected);
    expect(server.analysis(guildId, 1_000).connected).toBe(false);

    const retry = await connect();
    retry.send({
      op: VoiceOpcode.Resume,
      d: { server_id: guildId, session_id: sessionId, token, seq_ack: 2 },
    });
    expect((await retry.closed).code).toBe(VoiceCloseCode.SessionNoLongerValid);
    expect(server.analysis(guildId, 1_000)).toMatchObject({ connected: false, channelId: null, mode: null });
  });

  describe('WHEN a client performs UDP IP discovery', () => {
    let udp: Socket;
    afterEach(() => udp.close());

    it('THEN the 74-byte answer carries the address and port the request came from', async () => {
      const client = await connect();
      identify(client);
      const { ssrc, ip, port } = (await client.next(VoiceOpcode.Ready)).d as Ready;
      udp = createSocket('udp4');
      await new Promise<void>((resolve) => udp.bind(0, '127.0.0.1', resolve));
      const answer = new Promise<Buffer>((resolve) => udp.once('message', resolve));
      const request = Buffer.alloc(74);
      request.writeUInt16BE(1, 0);
      request.writeUInt16BE(70, 2);
      request.writeUInt32BE(ssrc, 4);
      udp.send(request, port, ip);

      const response = await answer;
      expect(response.length).toBe(74);
      expect(response.readUInt16BE(0)).toBe(2);
      expect(response.readUInt16BE(2)).toBe(70);
      expect(response.readUInt32BE(4)).toBe(ssrc);
      expect(response.subarray(8, response.indexOf(0, 8)).toString('ascii')).toBe('127.0.0.1');
      expect(response.readUInt16BE(72)).toBe(udp.address().port);
    });
  });
});
