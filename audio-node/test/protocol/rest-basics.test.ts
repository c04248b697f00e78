import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';

describe('audio node REST basics', () => {
  let node: TestNode;
  beforeAll(async () => {
    node = await startTestNode();
  });
  afterAll(async () => node.close());

  it('GIVEN no Authorization THEN 401 with Lavalink error body and the API version header', async () => {
    const res = await fetch(`${node.url}/v4/info`);
    expect(res.status).toBe(401);
    expect(res.headers.get('lavalink-api-version')).toBe('4');
    const body = (await res.json()) as Record<string, unknown>;
    validate.error(body);
    expect(body).toMatchObject({ status: 401, error: 'Unauthorized', path: '/v4/info' });
  });

  it('GIVEN a wrong password THEN 403', async () => {
    const res = await fetch(`${node.url}/v4/info`, { headers: { Authorization: 'nope' } });
    expect(res.status).toBe(403);
    validate.error(await res.json());
  });

  it('GET /version answers plain text', async () => {
    const res = await node.rest('/version');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(/^4\.\d+\.\d+$/);
  });

  it('GET /v4/info lists exactly the http and local sources and the ten filters, never isNodelink', async () => {
    const res = await node.rest('/v4/info');
    expect(res.headers.get('lavalink-api-version')).toBe('4');
    const info = (await res.json()) as Record<string, unknown>;
    validate.info(info);
    expect(info.sourceManagers).toEqual(['http', 'local']);
    expect(info.filters).toEqual([
      'volume',
      'equalizer',
      'karaoke',
      'timescale',
      'tremolo',
      'vibrato',
      'distortion',
      'rotation',
      'channelMix',
      'lowPass',
    ]);
    expect(info).not.toHaveProperty('isNodelink');
  });

  it('GET /v4/stats omits frameStats, as real Lavalink', async () => {
    const stats = (await (await node.rest('/v4/stats')).json()) as Record<string, unknown>;
    validate.stats(stats);
    expect(stats).not.toHaveProperty('frameStats');
    expect(stats).toMatchObject({ players: 0, playingPlayers: 0 });
  });

  it('GIVEN an unknown route THEN 404 error body; a known path with another method THEN 405', async () => {
    const missing = await node.rest('/v4/nope');
    expect(missing.status).toBe(404);
    validate.error(await missing.json());
    expect((await node.rest('/v4/info', { method: 'DELETE' })).status).toBe(405);
  });

  it('the route planner is disabled: status 204, free 500', async () => {
    expect((await node.rest('/v4/routeplanner/status')).status).toBe(204);
    const free = await node.rest('/v4/routeplanner/free/all', { method: 'POST' });
    expect(free.status).toBe(500);
    validate.error(await free.json());
  });

  it('unknown sessions are 404 "Session not found"', async () => {
    const res = await node.rest('/v4/sessions/abcdefghijklmnop/players');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ message: 'Session not found' });
  });

  it('GIVEN a malformed percent-escape in a path parameter THEN a normal 404, not a crash', async () => {
    const res = await node.rest('/v4/sessions/%E0%A4%A/players');
    expect(res.status).toBe(404);
    validate.error(await res.json());
  });

  it('?trace=true adds a trace to error bodies', async () => {
    const res = await node.rest('/v4/decodetrack?encodedTrack=AAAA&trace=true');
    expect(res.status).toBe(500);
    const body = (await res.json()) as Record<string, unknown>;
    validate.error(body);
    expect(typeof body.trace).toBe('string');
  });

  it('POST /v4/decodetracks with an empty list is 400', async () => {
    const res = await node.rest('/v4/decodetracks', { method: 'POST', body: '[]' });
    expect(res.status).toBe(400);
  });

  it('/metrics needs no password and reports players and frames', async () => {
    const text = await (await fetch(`${node.url}/metrics`)).text();
    expect(text).toMatch(/audio_node_players\{[^}]*\} 0/);
    expect(text).toContain('audio_node_frames_deficit');
    expect(text).toContain('audio_node_event_loop_delay_p99_ms');
  });
});
