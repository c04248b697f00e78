import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.js';
import { RawGatewayClient } from './support/raw-gateway-client.js';
import { startTestSimulator } from './support/test-simulator.js';

interface Reply {
  status: number;
  body: Record<string, unknown> & { message?: string };
}

describe('GIVEN the control API over HTTP', () => {
  let sim: Simulator;
  const call = async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const res = await fetch(`${sim.baseUrl}${path}`, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text.length > 0 ? (JSON.parse(text) as Reply['body']) : {} };
  };

  beforeAll(async () => {
    sim = await startTestSimulator();
  });

  afterAll(async () => {
    await sim.stop();
  });

  it('THEN guilds, roles, users and voice states are created and show in /_sim/state', async () => {
    const guild = await call('POST', '/_sim/guilds', { name: 'Control' });
    expect(guild.status).toBe(200);
    expect(guild.body).toEqual({
      id: expect.any(String) as string,
      textChannelId: expect.any(String) as string,
      voiceChannelId: expect.any(String) as string,
    });
    const guildId = String(guild.body['id']);
    const role = await call('POST', '/_sim/roles', { guildId, name: 'DJ', permissions: String(1 << 5) });
    const dj = await call('POST', '/_sim/users', { username: 'dj_dan', guildId, roles: [role.body['id']] });
    const admin = await call('POST', '/_sim/users', { username: 'admin', guildId, permissions: '8' });
    expect(dj.status).toBe(200);
    expect(admin.status).toBe(200);
    const join = await call('POST', '/_sim/voice', {
      userId: dj.body['id'],
      guildId,
      channelId: guild.body['voiceChannelId'],
    });
    expect(join.body).toEqual({ ok: true });

    const state = (await call('GET', '/_sim/state')).body as unknown as {
      guilds: { id: string; members: { userId: string; roles: string[] }[]; roles: { name: string }[] }[];
      voiceStates: { userId: string; channelId: string }[];
      users: { username: string }[];
    };
    const found = state.guilds.find((g) => g.id === guildId);
    expect(found?.members.find((m) => m.userId === dj.body['id'])?.roles).toEqual([role.body['id']]);
    expect(found?.roles.map((r) => r.name)).toEqual(expect.arrayContaining(['@everyone', 'DJ', 'admin']));
    expect(state.voiceStates).toEqual([
      { ...state.voiceStates[0], userId: dj.body['id'], channelId: guild.body['voiceChannelId'] },
    ]);
    expect(state.users.map((u) => u.username)).toEqual(expect.arrayContaining(['dj_dan', 'admin']));

    const leave = await call('POST', '/_sim/voice', { userId: dj.body['id'], guildId, channelId: null });
    expect(leave.status).toBe(200);
    expect(((await call('GET', '/_sim/state')).body['voiceStates'] as unknown[]).length).toBe(0);
  });

  it('THEN a created guild is dispatched to a connected bot', async () => {
    const client = await RawGatewayClient.identify(sim.gatewayUrl, 'control-bot', 1);
    try {
      const guild = await call('POST', '/_sim/guilds', { name: 'Late guild' });
      const created = await client.dispatch('GUILD_CREATE', (d) => d['id'] === guild.body['id']);
      const botId = (client.dispatches('READY')[0]?.d as { user: { id: string } }).user.id;
      expect(JSON.stringify((created.d as { members: unknown[] }).members)).toContain(botId);
    } finally {
      client.terminate();
    }
  });

  it('THEN malformed or invalid requests get 400 with a message, unknown ids 404', async () => {
    expect(await call('POST', '/_sim/guilds', '{oops')).toMatchObject({ status: 400 });
    expect(await call('POST', '/_sim/users', { username: 'x' })).toMatchObject({ status: 400 });
    expect(await call('POST', '/_sim/users', { guildId: '1' })).toEqual({
      status: 400,
      body: { message: 'username must be a non-empty string' },
    });
    expect(await call('POST', '/_sim/faults', { kind: 'meteor' })).toMatchObject({ status: 400 });
    expect((await call('GET', '/_sim/interactions/123')).status).toBe(404);
    expect((await call('GET', '/_sim/channels/123/messages')).status).toBe(404);
    expect((await call('GET', '/_sim/nothing')).status).toBe(404);
    expect((await call('DELETE', '/_sim/state')).status).toBe(405);
  });

  it('THEN user messages, channel listings, audio, requests, faults and the CA are served', async () => {
    const guild = (await call('POST', '/_sim/guilds', { name: 'Misc' })).body;
    const alice = (await call('POST', '/_sim/users', { username: 'alice', guildId: guild['id'] })).body;
    const posted = await call('POST', '/_sim/messages', {
      userId: alice['id'],
      channelId: guild['textChannelId'],
      content: 'hello there',
    });
    expect(posted.status).toBe(200);
    const listed = await fetch(`${sim.baseUrl}/_sim/channels/${String(guild['textChannelId'])}/messages`);
    expect(await listed.json()).toEqual([
      expect.objectContaining({
        id: posted.body['id'],
        content: 'hello there',
        editCount: 0,
        author: expect.objectContaining({ username: 'alice' }) as object,
      }),
    ]);
    const audio = await call('GET', `/_sim/voice/${String(guild['id'])}/audio?windowMs=500`);
    expect(audio.body).toMatchObject({ connected: false, speaking: false, totalPackets: 0, mode: null });
    const since = Date.now();
    await fetch(`${sim.restBase}/v10/users/@me`, { headers: { authorization: 'Bot control-bot' } });
    const requests = await fetch(`${sim.baseUrl}/_sim/requests?since=${since}`);
    expect(await requests.json()).toEqual([
      expect.objectContaining({ method: 'GET', path: '/users/@me', status: 200 }),
    ]);
    expect((await call('POST', '/_sim/faults', { kind: 'rest-errors', status: 503, count: 2 })).body).toEqual(
      { affected: 2 },
    );
    const failing = await fetch(`${sim.restBase}/v10/users/@me`, {
      headers: { authorization: 'Bot control-bot' },
    });
    expect(failing.status).toBe(503);
    const ca = await fetch(`${sim.baseUrl}/_sim/ca.pem`);
    expect(await ca.text()).toBe(sim.caPem);
    expect(sim.caPem).toContain('BEGIN CERTIFICATE');
  });

  it('THEN deleting a guild dispatches GUILD_DELETE and removes it', async () => {
    const guild = (await call('POST', '/_sim/guilds', { name: 'Doomed' })).body;
    const client = await RawGatewayClient.identify(sim.gatewayUrl, 'control-deleter', 1);
    try {
      expect((await call('DELETE', `/_sim/guilds/${String(guild['id'])}`)).body).toEqual({ ok: true });
      await client.dispatch('GUILD_DELETE', (d) => d['id'] === guild['id']);
      const state = (await call('GET', '/_sim/state')).body['guilds'] as { id: string }[];
      expect(state.map((g) => g.id)).not.toContain(guild['id']);
    } finally {
      client.terminate();
    }
  });
});
