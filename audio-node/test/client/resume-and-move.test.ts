import type { Track } from 'lavalink-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, watchRest, type Harness } from '../support/client-harness.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

const GUILD = '200000000000000020';

describe('lavalink-client: session resume and moving players between nodes', () => {
  let media: MediaServer;
  const nodes: TestNode[] = [];
  const harnesses: Harness[] = [];
  let rest: ReturnType<typeof watchRest> | null = null;

  beforeAll(async () => {
    media = await startMediaServer({
      '/song.wav': {
        kind: 'file',
        body: makeWav({ seconds: 300, sampleRate: 8000, channels: 1, title: 'Long Song' }),
        type: 'audio/wav',
      },
    });
  });
  afterAll(async () => {
    for (const harness of harnesses) await harness.destroy();
    rest?.restore();
    for (const node of nodes) await node.close();
    await media.close();
  });

  async function playOn(harness: Harness, nodeId: string): Promise<void> {
    const player = await harness.joinVoice(GUILD, nodeId);
    const result = await player.search({ query: `${media.url}/song.wav` }, 'tester');
    await player.play({ clientTrack: result.tracks[0] as Track });
    await harness.nextMessage((m) => m.type === 'TrackStartEvent');
    await player.seek(42_000);
  }

  it('GIVEN resuming enabled WHEN the bot reconnects with the session id THEN it gets its players back, still playing', async () => {
    const node = await startTestNode();
    nodes.push(node);
    rest = watchRest([node.port]);
    const options = {
      id: 'a',
      host: '127.0.0.1',
      port: node.port,
      authorization: node.password,
      retryAmount: 1,
      retryDelay: 100,
    };
    const first = await startHarness([options]);
    harnesses.push(first);
    const client = first.manager.nodeManager.nodes.get('a')!;
    await client.updateSession(true, 60);
    await playOn(first, 'a');
    const sessionId = client.sessionId!;
    client.disconnect('bot restarting'); // the bot process goes away without destroying anything

    const second = await startHarness([{ ...options, sessionId }]);
    harnesses.push(second);
    const deadline = Date.now() + 5_000;
    while (second.resumedPlayers.length === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(second.manager.nodeManager.nodes.get('a')!.sessionId).toBe(sessionId);
    const players = second.resumedPlayers[0] as { guildId: string; state: { position: number } }[];
    expect(players).toHaveLength(1);
    expect(players[0]).toMatchObject({ guildId: GUILD, track: { info: { title: 'Long Song' } } });
    expect(players[0]!.state.position).toBeGreaterThanOrEqual(42_000);
    expect(second.messages.find((m) => m.payload.op === 'ready')?.payload).toMatchObject({
      resumed: true,
      sessionId,
    });
    expect(rest.errors).toEqual([]);
    expect([...first.wsErrors, ...second.wsErrors]).toEqual([]);
  });

  it('GIVEN autoMove WHEN the first node shuts down THEN the player carries on on the second node at the same position', async () => {
    const a = await startTestNode();
    const b = await startTestNode();
    nodes.push(a, b);
    rest?.restore();
    rest = watchRest([a.port, b.port]);
    const harness = await startHarness(
      [
        {
          id: 'a',
          host: '127.0.0.1',
          port: a.port,
          authorization: a.password,
          retryAmount: 1,
          retryDelay: 100,
        },
        {
          id: 'b',
          host: '127.0.0.1',
          port: b.port,
          authorization: b.password,
          retryAmount: 1,
          retryDelay: 100,
        },
      ],
      { autoMove: true },
    );
    harnesses.push(harness);
    await playOn(harness, 'a');
    const before = [...a.engine.players][0]!.positionMs;
    expect(before).toBeGreaterThanOrEqual(42_000);
    await a.close(); // graceful: clients get close 1001
    const deadline = Date.now() + 10_000;
    while (b.engine.players.size === 0 || [...b.engine.players][0]!.track === null) {
      if (Date.now() > deadline) throw new Error('player never arrived on node b');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await harness.nextMessage(
      (m) =>
        m.type === 'TrackStartEvent' &&
        harness.messages.filter((x) => x.payload.type === 'TrackStartEvent').length === 2,
    );
    const moved = [...b.engine.players][0]!;
    expect(moved.track?.identifier).toBe(`${media.url}/song.wav`);
    expect(moved.positionMs).toBeGreaterThanOrEqual(before);
    expect(moved.positionMs - before).toBeLessThan(3_000);
    expect(moved.voice).toMatchObject({ channelId: '300000000000000003', token: 'voice-token' });
    expect(harness.manager.getPlayer(GUILD)?.node.id).toBe('b');
    expect(rest.errors).toEqual([]);
    expect(harness.wsErrors).toEqual([]);
  });
});
