import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaAvailable, javaEncodings } from '../support/java-reference.js';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';
import { openSocket, type TestSocket } from '../support/ws-client.js';

const DOCS_SAMPLE =
  'QAAAjQIAJVJpY2sgQXN0bGV5IC0gTmV2ZXIgR29ubmEgR2l2ZSBZb3UgVXAADlJpY2tBc3RsZXlWRVZPAAAAAAADPCAAC2RRdzR3OVdnWGNRAAEAK2h0dHBzOi8vd3d3LnlvdXR1YmUuY29tL3dhdGNoP3Y9ZFF3NHc5V2dYY1EAB3lvdXR1YmUAAAAAAAAAAA==';
const GUILD = '200000000000000060';

describe('decoding, and tracks encoded elsewhere', () => {
  let node: TestNode;
  let media: MediaServer;
  let socket: TestSocket;
  let sessionId: string;

  beforeAll(async () => {
    media = await startMediaServer({
      '/song.wav': {
        kind: 'file',
        body: makeWav({ seconds: 30, sampleRate: 8000, channels: 1 }),
        type: 'audio/wav',
      },
    });
    node = await startTestNode();
    socket = await openSocket(node.url, {
      Authorization: 'test-password',
      'User-Id': '100000000000000001',
      'Client-Name': 't',
    });
    sessionId = (await socket.next((m) => m.op === 'ready')).sessionId as string;
  });
  afterAll(async () => {
    await socket.close();
    await node.close();
    await media.close();
  });

  it('decodes its own tracks singly and in bulk', async () => {
    const loaded = (await (
      await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(`${media.url}/song.wav`)}`)
    ).json()) as { data: { encoded: string; info: unknown } };
    const one = await node.rest(`/v4/decodetrack?encodedTrack=${encodeURIComponent(loaded.data.encoded)}`);
    const track = await one.json();
    validate.track(track);
    expect(track).toEqual({
      encoded: loaded.data.encoded,
      info: loaded.data.info,
      pluginInfo: {},
      userData: {},
    });
    const many = await node.rest('/v4/decodetracks', {
      method: 'POST',
      body: JSON.stringify([loaded.data.encoded, loaded.data.encoded]),
    });
    const tracks = (await many.json()) as unknown[];
    validate.tracks(tracks);
    expect(tracks).toHaveLength(2);
  });

  it("GIVEN a track from a source this node lacks (the docs' YouTube sample) THEN 500, as Lavalink", async () => {
    const res = await node.rest(`/v4/decodetrack?encodedTrack=${encodeURIComponent(DOCS_SAMPLE)}`);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { message: string };
    validate.error(body);
    expect(body.message).toContain('youtube');
  });

  it.skipIf(!javaAvailable())(
    'GIVEN an http track encoded by Java (as real Lavalink would, version 2) THEN PATCH plays it from the given position',
    async () => {
      const url = `${media.url}/song.wav`;
      const reference = javaEncodings([
        {
          version: 2,
          title: 'From Lavalink',
          author: 'Java',
          length: 30_000n,
          identifier: url,
          isStream: false,
          uri: url,
          artworkUrl: null,
          isrc: null,
          sourceName: 'http',
          probe: 'wav',
          position: 0n,
        },
      ])!;
      const res = await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
        method: 'PATCH',
        body: JSON.stringify({ track: { encoded: reference[0], info: { ignored: true } }, position: 12_000 }),
      });
      const player = (await res.json()) as { track: { info: { title: string } } };
      validate.player(player);
      expect(player.track.info.title).toBe('From Lavalink');
      await socket.next((m) => m.type === 'TrackStartEvent');
      const engine = [...node.engine.players][0]!;
      expect(engine.openedFormat).toBe('wav');
      expect(engine.positionMs).toBeGreaterThanOrEqual(12_000);
    },
  );

  it('GIVEN a foreign-source track in PATCH THEN 400 naming the source, and nothing changes', async () => {
    const res = await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, {
      method: 'PATCH',
      body: JSON.stringify({ track: { encoded: DOCS_SAMPLE } }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { message: string }).message).toContain('Unknown source: youtube');
  });
});
