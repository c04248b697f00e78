import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMediaServer, type MediaServer } from '../support/media-server.js';
import { validate } from '../support/protocol-oracle.js';
import { startTestNode, type TestNode } from '../support/test-node.js';
import { makeWav } from '../support/wav.js';
import { openSocket, upgradeStatus, type TestSocket } from '../support/ws-client.js';

const USER = '100000000000000001';
const GUILD = '200000000000000002';
const VOICE = { token: 't', endpoint: 'voice.example:443', sessionId: 's', channelId: '300000000000000003' };

describe('audio node sessions and players', () => {
  let node: TestNode;
  let media: MediaServer;
  let socket: TestSocket;
  let sessionId: string;
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    Authorization: 'test-password',
    'User-Id': USER,
    'Client-Name': 'tests/1.0',
    ...extra,
  });
  const patch = async (
    body: unknown,
    query = '',
  ): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}${query}`, {
      method: 'PATCH',
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status === 200) validate.player(json);
    else validate.error(json);
    return { status: res.status, body: json };
  };
  const load = async (identifier: string): Promise<Record<string, unknown>> => {
    const res = await node.rest(`/v4/loadtracks?identifier=${encodeURIComponent(identifier)}`);
    const json = (await res.json()) as Record<string, unknown>;
    validate.loadResult(json);
    return json;
  };
  const encodedOf = async (path: string): Promise<string> => {
    const result = await load(`${media.url}${path}`);
    return (result.data as { encoded: string }).encoded;
  };

  beforeAll(async () => {
    node = await startTestNode();
    media = await startMediaServer({
      '/long.wav': {
        kind: 'file',
        body: makeWav({ seconds: 30, sampleRate: 8000, channels: 1 }),
        type: 'audio/wav',
      },
      '/short.wav': {
        kind: 'file',
        body: makeWav({ seconds: 0.3, sampleRate: 8000, channels: 1 }),
        type: 'audio/wav',
      },
    });
  });
  afterAll(async () => {
    await node.close();
    await media.close();
  });
  beforeEach(async () => {
    socket = await openSocket(node.url, headers());
    const ready = await socket.next((m) => m.op === 'ready');
    sessionId = ready.sessionId as string;
  });
  afterEach(async () => socket.close());

  it('GIVEN a connection THEN ready (16-char id, not resumed) then stats with frameStats', async () => {
    expect(sessionId).toMatch(/^[a-z0-9]{16}$/);
    expect(socket.sessionResumed).toBe('false');
    await socket.next((m) => m.op === 'stats');
    const [first, second] = socket.messages;
    expect(first).toMatchObject({ op: 'ready', resumed: false });
    expect(second).toMatchObject({ op: 'stats', players: 0 });
    expect(second).toHaveProperty('frameStats');
  });

  it('WebSocket upgrades need the password (401) and a non-zero User-Id (400)', async () => {
    expect(await upgradeStatus(node.url, headers({ Authorization: 'wrong' }))).toBe(401);
    expect(await upgradeStatus(node.url, { Authorization: 'test-password' })).toBe(400);
    expect(await upgradeStatus(node.url, headers({ 'User-Id': '0' }))).toBe(400);
  });

  it('GIVEN voice without channelId THEN 400 naming it', async () => {
    const { status, body } = await patch({ voice: { token: 't', endpoint: 'e', sessionId: 's' } });
    expect(status).toBe(400);
    expect(body.message).toContain('channelId');
  });

  it('GIVEN an encoded track THEN 200 with the player, TrackStartEvent and a playerUpdate', async () => {
    const encoded = await encodedOf('/long.wav');
    const { status, body } = await patch({
      track: { encoded, userData: { requester: 'me' } },
      voice: VOICE,
      volume: 80,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ guildId: GUILD, volume: 80, paused: false, voice: VOICE });
    expect(body.track).toMatchObject({ encoded, userData: { requester: 'me' } });
    const start = await socket.next((m) => m.type === 'TrackStartEvent');
    expect(start).toMatchObject({ guildId: GUILD, track: { encoded } });
    await socket.next((m) => m.op === 'playerUpdate');
    const players = (await (await node.rest(`/v4/sessions/${sessionId}/players`)).json()) as unknown[];
    validate.players(players);
    expect(players).toHaveLength(1);
  });

  it('GIVEN a new track over a playing one THEN TrackEndEvent replaced; noReplace=true changes nothing', async () => {
    const first = await encodedOf('/long.wav');
    const second = await encodedOf('/short.wav');
    await patch({ track: { encoded: first }, voice: VOICE });
    await socket.next((m) => m.type === 'TrackStartEvent');
    const kept = await patch({ track: { encoded: second } }, '?noReplace=true');
    expect((kept.body.track as { encoded: string }).encoded).toBe(first);
    await patch({ track: { encoded: second } });
    const ended = await socket.next((m) => m.type === 'TrackEndEvent');
    expect(ended).toMatchObject({ reason: 'replaced', track: { encoded: first } });
    const finished = await socket.next((m) => m.type === 'TrackEndEvent' && m.reason === 'finished');
    expect(finished).toMatchObject({ track: { encoded: second } });
  });

  it('GIVEN encoded:null THEN TrackEndEvent stopped; endTime ends the track as finished', async () => {
    await patch({ track: { encoded: await encodedOf('/long.wav') }, endTime: 200 });
    expect((await socket.next((m) => m.type === 'TrackEndEvent')).reason).toBe('finished');
    await patch({ track: { encoded: await encodedOf('/long.wav') } });
    await socket.next(
      (m) =>
        m.type === 'TrackStartEvent' &&
        socket.messages.filter((x) => x.type === 'TrackStartEvent').length === 2,
    );
    await patch({ track: { encoded: null } });
    expect((await socket.next((m) => m.type === 'TrackEndEvent' && m.reason === 'stopped')).guildId).toBe(
      GUILD,
    );
  });

  it('the deprecated encodedTrack and identifier fields still play; mixing them with track is 400', async () => {
    const encoded = await encodedOf('/long.wav');
    expect((await patch({ encodedTrack: encoded })).status).toBe(200);
    expect((await patch({ identifier: `${media.url}/short.wav` })).status).toBe(200);
    expect((await patch({ encodedTrack: encoded, track: { encoded } })).status).toBe(400);
    expect((await patch({ track: { encoded, identifier: 'x' } })).status).toBe(400);
  });

  it('rejects endTime <= 0, volume > 1000, an identifier that is not one track, and a non-numeric guild', async () => {
    expect((await patch({ endTime: 0 })).status).toBe(400);
    expect((await patch({ volume: 1001 })).body.message).toContain('volume');
    expect((await patch({ track: { identifier: 'ytsearch:anything' } })).status).toBe(400);
    const res = await node.rest(`/v4/sessions/${sessionId}/players/abc`, { method: 'PATCH', body: '{}' });
    expect(res.status).toBe(400);
  });

  it.each([
    [{ volume: 6 }, 'filters.volume'],
    [{ equalizer: [{ band: 15, gain: 0 }] }, 'filters.equalizer[0].band'],
    [{ equalizer: [{ band: 3, gain: 1.5 }] }, 'filters.equalizer[0].gain'],
    [{ karaoke: { level: 2 } }, 'filters.karaoke.level'],
    [{ timescale: { rate: 0 } }, 'filters.timescale.rate'],
    [{ tremolo: { depth: 0 } }, 'filters.tremolo.depth'],
    [{ vibrato: { frequency: 15 } }, 'filters.vibrato.frequency'],
    [{ channelMix: { leftToRight: -0.1 } }, 'filters.channelMix.leftToRight'],
    [{ lowPass: { smoothing: 'x' } }, 'filters.lowPass.smoothing'],
  ])('GIVEN filters %j THEN 400 naming %s', async (filters, field) => {
    const { status, body } = await patch({ filters });
    expect(status).toBe(400);
    expect(body.message).toContain(field);
  });

  it('valid filters replace all filters, unknown keys are ignored, and the engine gets them', async () => {
    const filters = {
      volume: 0.5,
      timescale: { rate: 2 },
      lowPass: { smoothing: 20 },
      equalizer: [{ band: 0, gain: 0.2 }],
    };
    const { status, body } = await patch({ filters: { ...filters, notAFilter: 1 }, somethingElse: true });
    expect(status).toBe(200);
    expect(body.filters).toEqual(filters);
    const [engine] = [...node.engine.players];
    expect(engine?.filters).toEqual(filters);
    expect((await patch({ filters: { karaoke: {} } })).body.filters).toEqual({ karaoke: {} });
  });

  it("GIVEN lavalink-client's sparse equalizer (null for bands never set) THEN the set bands apply", async () => {
    const sparse = [null, null, null, null, null, null, null, null, { band: 8, gain: -0.25 }];
    const { status, body } = await patch({ filters: { equalizer: sparse, volume: 0.5 } });
    expect(status).toBe(200);
    expect(body.filters).toEqual({ equalizer: [{ band: 8, gain: -0.25 }], volume: 0.5 });
    expect([...node.engine.players][0]?.filters.equalizer).toEqual([{ band: 8, gain: -0.25 }]);
    expect((await patch({ filters: { equalizer: [{ band: 8, gain: -0.25 }, 'flat'] } })).status).toBe(400);
  });

  it('pause, seek and volume reach the engine; GET and DELETE follow Lavalink', async () => {
    await patch({ track: { encoded: await encodedOf('/long.wav') }, voice: VOICE });
    await socket.next((m) => m.type === 'TrackStartEvent');
    const paused = await patch({ paused: true, position: 10_000, volume: 50 });
    expect(paused.body).toMatchObject({ paused: true, volume: 50, state: { connected: true } });
    expect((paused.body.state as { position: number }).position).toBeGreaterThanOrEqual(10_000);
    expect((paused.body.track as { info: { position: number } }).info.position).toBeGreaterThanOrEqual(
      10_000,
    );
    const got = await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`);
    validate.player(await got.json());
    expect((await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`, { method: 'DELETE' })).status).toBe(
      204,
    );
    expect((await node.rest(`/v4/sessions/${sessionId}/players/${GUILD}`)).status).toBe(404);
  });

  it("relays the engine's TrackStuckEvent, WebSocketClosedEvent and a cleanup end, in Lavalink's shapes", async () => {
    await patch({ track: { encoded: await encodedOf('/long.wav') }, voice: VOICE });
    await socket.next((m) => m.type === 'TrackStartEvent');
    const engine = [...node.engine.players].find((p) => p.voice?.guildId === GUILD)!;
    engine.emit('trackStuck', 10_000);
    expect(await socket.next((m) => m.type === 'TrackStuckEvent')).toMatchObject({
      guildId: GUILD,
      thresholdMs: 10_000,
    });
    engine.emit('voiceClosed', { code: 4014, reason: 'Disconnected', byRemote: true });
    expect(await socket.next((m) => m.type === 'WebSocketClosedEvent')).toMatchObject({
      guildId: GUILD,
      code: 4014,
      byRemote: true,
    });
    engine.emit('trackEnd', 'cleanup');
    expect((await socket.next((m) => m.type === 'TrackEndEvent')).reason).toBe('cleanup');
  });

  it('GIVEN a track whose open fails THEN TrackExceptionEvent and TrackEndEvent loadFailed', async () => {
    const encoded = await encodedOf('/long.wav');
    await media.close();
    await patch({ track: { encoded } });
    const exception = await socket.next((m) => m.type === 'TrackExceptionEvent');
    expect(exception).toMatchObject({ exception: { severity: 'common' } });
    expect((await socket.next((m) => m.type === 'TrackEndEvent')).reason).toBe('loadFailed');
    media = await startMediaServer({});
  });
});
