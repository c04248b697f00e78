import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';
import { openSocket } from '../support/ws-client.js';

const GUILD = '200000000000000002';
const HEADERS = {
  Authorization: 'test-password',
  'User-Id': '100000000000000001',
  'Client-Name': 'tests/1.0',
};

describe('session resuming', () => {
  let node: TestNode;
  let media: MediaServer;
  beforeAll(async () => {
    node = await startTestNode();
    media = await startMediaServer({
      '/short.wav': {
        kind: 'file',
        body: makeWav({ seconds: 0.4, sampleRate: 8000, channels: 1 }),
        type: 'audio/wav',
      },
    });
  });
  afterAll(async () => {
    await node.close();
    await media.close();
  });

  async function connectAndPlay(resuming: { resuming: boolean; timeout?: number }) {
    const socket = await openSocket(node.url, HEADERS);
    const sessionId = (await socket.next((m) => m.op === 'ready')).sessionId as string;
    const session = await node.rest(`/v4/sessions/${sessionId}`, {
      method: 'PATCH',
      body: JSON.stringify(resuming),
    });
    const body = await session.json();
    validate.session(body);
    expect(body).toEqual({ resuming: resuming.resuming, timeout: resuming.timeout ?? 60 });
    await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
      method: 'PATCH',
      body: JSON.stringify({ identifier: `${media.url}/short.wav` }),
    });
    await socket.next((m) => m.type === 'TrackStartEvent');
    return { socket, sessionId };
  }

  it('GIVEN resuming THEN a paused session is 404, queues events, and a reconnect replays them then a playerUpdate', async () => {
    const { socket, sessionId } = await connectAndPlay({ resuming: true, timeout: 30 });
    await socket.close();
    expect((await node.rest(`/v4/sessions/${sessionId}/players`)).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 700)); // the 0.4 s track ends while nobody listens
    const again = await openSocket(node.url, { ...HEADERS, 'Session-Id': sessionId });
    expect(again.sessionResumed).toBe('true');
    expect(await again.next((m) => m.op === 'ready')).toEqual({ op: 'ready', resumed: true, sessionId });
    const ended = await again.next((m) => m.type === 'TrackEndEvent');
    expect(ended.reason).toBe('finished');
    await again.next((m) => m.op === 'playerUpdate');
    const ops = again.messages.map((m) => (m.op === 'event' ? m.type : m.op));
    expect(ops.indexOf('TrackEndEvent')).toBeLessThan(ops.indexOf('playerUpdate'));
    expect((await node.rest(`/v4/sessions/${sessionId}/players`)).status).toBe(200);
    await again.close();
  });

  it('GIVEN resuming off THEN closing the socket destroys the players and a Session-Id starts a new session', async () => {
    const before = node.engine.players.size;
    const { socket, sessionId } = await connectAndPlay({ resuming: false });
    expect(node.engine.players.size).toBe(before + 1);
    await socket.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(node.engine.players.size).toBe(before);
    const again = await openSocket(node.url, { ...HEADERS, 'Session-Id': sessionId });
    expect(again.sessionResumed).toBe('false');
    expect((await again.next((m) => m.op === 'ready')).sessionId).not.toBe(sessionId);
    await again.close();
  });

  it('GIVEN the resume timeout passes THEN the session and its players are gone', async () => {
    const before = node.engine.players.size;
    const { socket, sessionId } = await connectAndPlay({ resuming: true, timeout: 1 });
    await socket.close();
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(node.engine.players.size).toBe(before);
    const again = await openSocket(node.url, { ...HEADERS, 'Session-Id': sessionId });
    expect((await again.next((m) => m.op === 'ready')).resumed).toBe(false);
    await again.close();
  });

  it('GIVEN another user id THEN the session is not resumed', async () => {
    const { socket, sessionId } = await connectAndPlay({ resuming: true, timeout: 30 });
    await socket.close();
    const other = await openSocket(node.url, { ...HEADERS, 'User-Id': '999', 'Session-Id': sessionId });
    expect((await other.next((m) => m.op === 'ready')).resumed).toBe(false);
    await other.close();
  });
});

describe('dead clients', () => {
  it('GIVEN a client that stops answering pings THEN it is terminated and its session pauses for resuming', async () => {
    const node = await startTestNode({ heartbeatIntervalMs: 100 });
    try {
      const { default: WebSocket } = await import('ws');
      const ws = new WebSocket(`${node.url.replace('http', 'ws')}/v4/websocket`, {
        headers: HEADERS,
        autoPong: false,
      });
      const ready = await new Promise<{ sessionId: string }>((resolve) =>
        ws.on('message', (data: Buffer) => {
          const message = JSON.parse(data.toString()) as { op: string; sessionId: string };
          if (message.op === 'ready') resolve(message);
        }),
      );
      await node.rest(`/v4/sessions/${ready.sessionId}`, {
        method: 'PATCH',
        body: JSON.stringify({ resuming: true }),
      });
      const code = await new Promise<number>((resolve) =>
        ws.once('close', (closeCode: number) => resolve(closeCode)),
      );
      expect(code).toBe(1006);
      expect((await node.rest(`/v4/sessions/${ready.sessionId}/players`)).status).toBe(404); // paused
      const again = await openSocket(node.url, { ...HEADERS, 'Session-Id': ready.sessionId });
      expect((await again.next((m) => m.op === 'ready')).resumed).toBe(true);
      await again.close();
    } finally {
      await node.close();
    }
  });
});
