import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';
import { openSocket, type TestSocket } from '../support/ws-client.js';

const GUILD = '200000000000000040';
const HEADERS = {
  Authorization: 'test-password',
  'User-Id': '100000000000000001',
  'Client-Name': 'tests/1.0',
};
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('periodic stats and playerUpdate, graceful shutdown', () => {
  let node: TestNode;
  let media: MediaServer;
  let socket: TestSocket;
  let sessionId: string;

  beforeAll(async () => {
    media = await startMediaServer({
      '/long.wav': {
        kind: 'file',
        body: makeWav({ seconds: 60, sampleRate: 8000, channels: 1 }),
        type: 'audio/wav',
      },
    });
    node = await startTestNode({ statsIntervalMs: 300, playerUpdateIntervalMs: 150 });
    socket = await openSocket(node.url, HEADERS);
    sessionId = (await socket.next((m) => m.op === 'ready')).sessionId as string;
  });
  afterAll(async () => {
    await socket.close();
    await node.close();
    await media.close();
  });

  it('GIVEN a minute of frames THEN stats report them per player-minute (sent, nulled, deficit)', async () => {
    expect((await socket.next((m) => m.op === 'stats')).frameStats).toBeNull();
    node.engine.addFrames({ sent: 5_400, nulled: 300, expected: 6_000 }); // two players for a minute, 10% lost
    const count = socket.messages.filter((m) => m.op === 'stats').length;
    const stats = await socket.next(
      (m) => m.op === 'stats' && socket.messages.filter((x) => x.op === 'stats').indexOf(m) >= count,
    );
    expect(stats.frameStats).toEqual({ sent: 2_700, nulled: 150, deficit: 300 });
  });

  it('sends playerUpdate periodically while a track is loaded, and stops after it ends', async () => {
    await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
      method: 'PATCH',
      body: JSON.stringify({ identifier: `${media.url}/long.wav` }),
    });
    await socket.next((m) => m.type === 'TrackStartEvent');
    const before = socket.messages.filter((m) => m.op === 'playerUpdate').length;
    await sleep(700);
    const during = socket.messages.filter((m) => m.op === 'playerUpdate').length;
    expect(during - before).toBeGreaterThanOrEqual(3);
    await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
      method: 'PATCH',
      body: JSON.stringify({ track: { encoded: null } }),
    });
    await socket.next((m) => m.type === 'TrackEndEvent');
    const stopped = socket.messages.filter((m) => m.op === 'playerUpdate').length;
    await sleep(500);
    expect(socket.messages.filter((m) => m.op === 'playerUpdate').length).toBe(stopped);
  });

  it('GIVEN shutdown THEN clients get each position, then close 1001, and players are stopped', async () => {
    await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
      method: 'PATCH',
      body: JSON.stringify({ identifier: `${media.url}/long.wav` }),
    });
    expect(node.engine.players.size).toBe(1);
    const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
    // Moved on without a PATCH (so no playerUpdate follows): only the shutdown can report it.
    [...node.engine.players][0]!.seek(42_000);
    await node.close();
    expect(await closed).toBe(1001);
    const last = socket.messages.findLast((m) => m.op === 'playerUpdate') as {
      guildId: string;
      state: { position: number };
    };
    expect(last.guildId).toBe(GUILD);
    expect(last.state.position).toBeGreaterThanOrEqual(42_000);
    expect(node.engine.players.size).toBe(0);
    expect(node.engine.closed).toBe(true);
  });
});
