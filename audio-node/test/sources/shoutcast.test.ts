import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { openSocket } from '../support/ws-client.js';

/** A SHOUTcast v1 server: answers `ICY 200 OK`, which Node's HTTP parser refuses, then streams MP3 frames. */
function startShoutcast(): Promise<{
  server: Server;
  url: string;
  requests: string[];
  close: () => Promise<void>;
}> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.once('data', (request) => {
      requests.push(request.toString('latin1').split('\r\n')[0] ?? '');
      socket.write('ICY 200 OK\r\nicy-name: Retro FM\r\nicy-br: 128\r\ncontent-type: audio/mpeg\r\n\r\n');
      const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)]);
      const timer = setInterval(() => socket.write(frame), 20);
      socket.on('close', () => clearInterval(timer));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`,
        requests,
        close: () => {
          sockets.forEach((s) => s.destroy());
          return new Promise<void>((done) => server.close(() => done()));
        },
      }),
    ),
  );
}

describe('SHOUTcast v1 radio (ICY status line)', () => {
  let node: TestNode;
  let shoutcast: Awaited<ReturnType<typeof startShoutcast>>;

  beforeAll(async () => {
    shoutcast = await startShoutcast();
    node = await startTestNode();
  });
  afterAll(async () => {
    await node.close();
    await shoutcast.close();
  });

  it('loads as a stream named by icy-name, and plays', async () => {
    const res = await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(shoutcast.url)}`);
    const result = (await res.json()) as {
      loadType: string;
      data: { encoded: string; info: Record<string, unknown> };
    };
    validate.loadResult(result);
    expect(result.loadType).toBe('track');
    expect(result.data.info).toMatchObject({
      title: 'Retro FM',
      isStream: true,
      isSeekable: false,
      sourceName: 'http',
    });
    expect(shoutcast.requests[0]).toBe('GET /stream HTTP/1.1');
    const socket = await openSocket(node.url, {
      Authorization: 'test-password',
      'User-Id': '100000000000000001',
      'Client-Name': 't',
    });
    const sessionId = (await socket.next((m) => m.op === 'ready')).sessionId as string;
    await node.rest(`/v4/sessions/${sessionId}/players/200000000000000070`, {
      method: 'PATCH',
      body: JSON.stringify({ track: { encoded: result.data.encoded } }),
    });
    await socket.next((m) => m.type === 'TrackStartEvent');
    const engine = [...node.engine.players][0]!;
    expect(engine.openedFormat).toBe('mp3');
    expect(engine.openedBytes).toBeGreaterThan(4096);
    expect(shoutcast.requests.at(-1)).toBe('GET /stream HTTP/1.0');
    await socket.close();
  });
});
