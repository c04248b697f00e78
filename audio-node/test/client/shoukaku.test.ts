import { Connector, LoadType, Shoukaku, type NodeOption, type Player } from 'shoukaku';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchRest } from '../support/client-harness.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';

const BOT = '100000000000000001';
const GUILD = '200000000000000050';
const CHANNEL = '300000000000000005';

/** A gateway stand-in: answers every op 4 with the voice state and server updates Discord would send. */
class TestConnector extends Connector {
  public readonly sent: unknown[] = [];

  public getId(): string {
    return BOT;
  }

  public sendPacket(_shardId: number, payload: unknown): void {
    this.sent.push(payload);
    const { d } = payload as { d: { guild_id: string; channel_id: string | null } };
    if (d.channel_id === null) return;
    setImmediate(() => {
      this.raw({
        t: 'VOICE_STATE_UPDATE',
        d: {
          guild_id: d.guild_id,
          user_id: BOT,
          session_id: 'voice-session',
          channel_id: d.channel_id,
          self_deaf: true,
          self_mute: false,
        },
      });
      this.raw({
        t: 'VOICE_SERVER_UPDATE',
        d: { guild_id: d.guild_id, token: 'voice-token', endpoint: 'voice.invalid:443' },
      });
    });
  }

  public listen(nodes: NodeOption[]): void {
    setImmediate(() => this.ready(nodes));
  }
}

describe('shoukaku 4.3 against the audio node', () => {
  let node: TestNode;
  let media: MediaServer;
  let shoukaku: Shoukaku;
  let rest: ReturnType<typeof watchRest>;
  const wsErrors: Error[] = [];

  beforeAll(async () => {
    media = await startMediaServer({
      '/song.wav': {
        kind: 'file',
        body: makeWav({ seconds: 60, sampleRate: 8000, channels: 1, title: 'Shoukaku Song' }),
        type: 'audio/wav',
      },
    });
    node = await startTestNode();
    rest = watchRest([node.port]);
    shoukaku = new Shoukaku(
      new TestConnector({}),
      [{ name: 'n', url: `127.0.0.1:${node.port}`, auth: node.password }],
      { reconnectTries: 1 },
    );
    shoukaku.on('error', () => undefined);
    shoukaku.on('raw', (_name, payload) => {
      try {
        validate.message(payload);
      } catch (error) {
        wsErrors.push(error as Error);
      }
    });
    await new Promise<void>((resolve) => shoukaku.once('ready', () => resolve()));
  });
  afterAll(async () => {
    for (const n of shoukaku.nodes.values()) n.disconnect(1000, 'tests done');
    rest.restore();
    await node.close();
    await media.close();
  });

  it('joins, loads, plays, pauses, seeks, changes volume and filters, stops and leaves', async () => {
    const player: Player = await shoukaku.joinVoiceChannel({
      guildId: GUILD,
      channelId: CHANNEL,
      shardId: 0,
    });
    const result = await player.node.rest.resolve(`${media.url}/song.wav`);
    expect(result?.loadType).toBe(LoadType.TRACK);
    const track = result?.loadType === LoadType.TRACK ? result.data : null;
    expect(track?.info.title).toBe('Shoukaku Song');
    const started = new Promise<void>((resolve) => player.once('start', () => resolve()));
    await player.playTrack({ track: { encoded: track!.encoded } });
    await started;
    const engine = [...node.engine.players][0]!;
    expect(engine.voice).toMatchObject({
      channelId: CHANNEL,
      sessionId: 'voice-session',
      token: 'voice-token',
    });
    await player.setPaused(true);
    expect(engine.playing).toBe(false);
    await player.setPaused(false);
    await player.seekTo(30_000);
    expect(engine.positionMs).toBeGreaterThanOrEqual(30_000);
    await player.setGlobalVolume(50);
    expect(engine.volume).toBe(50);
    await player.setTimescale({ rate: 2 });
    expect(engine.filters.timescale).toEqual({ rate: 2 });
    const ended = new Promise<string>((resolve) =>
      player.once('end', (event) => resolve(String(event.reason))),
    );
    await player.stopTrack();
    expect(await ended).toBe('stopped');
    await shoukaku.leaveVoiceChannel(GUILD);
    expect(node.engine.players.size).toBe(0);
  });

  it('every REST answer and WebSocket message matched lavalink-protocol', () => {
    expect(rest.count()).toBeGreaterThan(5);
    expect(rest.errors).toEqual([]);
    expect(wsErrors).toEqual([]);
  });
});
