import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedGuild, Simulator } from '../src/index.js';
import { RawGatewayClient } from './support/raw-gateway-client.js';
import { startTestSimulator } from './support/test-simulator.js';

const TOKEN = 'rest-bot-token';
const GUILDS = 1 << 0;
const GUILD_MESSAGES = 1 << 9;

describe('GIVEN the simulator REST API', () => {
  let sim: Simulator;
  let guild: CreatedGuild;
  let alice: string;
  let appId: string;
  let gateway: RawGatewayClient;

  const api = async (method: string, path: string, body?: unknown, auth: string | null = `Bot ${TOKEN}`) => {
    const res = await fetch(`${sim.restBase}/v10${path}`, {
      method,
      headers: {
        ...(auth === null ? {} : { authorization: auth }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text.length > 0 ? JSON.parse(text) : null) as Record<string, unknown>,
    };
  };

  /** Registers `/ping`, invokes it as alice and returns the interaction id and token the bot received. */
  const interact = async () => {
    await api('PUT', `/applications/${appId}/guilds/${guild.id}/commands`, [
      { name: 'ping', description: 'Ping' },
    ]);
    const { id } = sim.invokeCommand({
      userId: alice,
      guildId: guild.id,
      channelId: guild.textChannelId,
      command: 'ping',
    });
    const created = await gateway.dispatch('INTERACTION_CREATE', (d) => d['id'] === id);
    return { id, token: String((created.d as { token: string }).token) };
  };

  beforeEach(async () => {
    sim = await startTestSimulator({
      limits: { interactionAckDeadlineMs: 1_000, interactionTokenLifetimeMs: 2_000 },
    });
    guild = sim.createGuild({ name: 'REST' });
    alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
    gateway = await RawGatewayClient.identify(sim.gatewayUrl, TOKEN, GUILDS | GUILD_MESSAGES);
    appId = String((gateway.dispatches('READY')[0]?.d as { application: { id: string } }).application.id);
  });

  afterEach(async () => {
    gateway.terminate();
    await sim.stop();
  });

  it('THEN an unknown route is 404 {message: "404: Not Found", code: 0} and a wrong method 405', async () => {
    expect(await api('GET', '/nowhere')).toMatchObject({
      status: 404,
      body: { message: '404: Not Found', code: 0 },
    });
    expect(await api('PUT', '/users/@me')).toMatchObject({ status: 405, body: { code: 0 } });
  });

  it('THEN a bot route without a token is 401 and bad JSON is 400 with code 50109', async () => {
    expect(await api('GET', '/users/@me', undefined, null)).toMatchObject({ status: 401, body: { code: 0 } });
    const bad = await api('POST', `/channels/${guild.textChannelId}/messages`, '{"content": ');
    expect(bad).toMatchObject({ status: 400, body: { code: 50109 } });
  });

  it('THEN users/@me, guild, member and channel reads answer Discord shapes', async () => {
    expect((await api('GET', '/users/@me')).body).toMatchObject({ id: appId, bot: true });
    expect((await api('GET', `/guilds/${guild.id}`)).body).toMatchObject({ id: guild.id, name: 'REST' });
    expect((await api('GET', `/guilds/${guild.id}/members/${alice}`)).body).toMatchObject({
      user: { id: alice, username: 'alice' },
    });
    expect((await api('GET', `/channels/${guild.voiceChannelId}`)).body).toMatchObject({
      id: guild.voiceChannelId,
      type: 2,
    });
    expect(await api('GET', `/guilds/${guild.id}/members/123`)).toMatchObject({
      status: 404,
      body: { code: 10007 },
    });
    expect(await api('GET', '/channels/123')).toMatchObject({ status: 404, body: { code: 10003 } });
  });

  it('THEN every answer carries the X-RateLimit headers of its bucket', async () => {
    const first = await api('GET', `/channels/${guild.textChannelId}/messages`);
    const second = await api('GET', `/channels/${guild.textChannelId}/messages`);
    expect(first.headers.get('x-ratelimit-limit')).toBe('5');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('3');
    expect(Number(first.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(first.headers.get('x-ratelimit-bucket')).toBe(second.headers.get('x-ratelimit-bucket'));
  });

  it('THEN more than 50 requests in a second hit the global limit, interaction callbacks excepted', async () => {
    const { id, token } = await interact();
    const reads = await Promise.all(Array.from({ length: 60 }, () => api('GET', '/users/@me')));
    const globals = reads.filter((r) => r.status === 429);
    expect(globals.length).toBeGreaterThan(0);
    expect(globals[0]?.body).toMatchObject({ global: true, message: 'You are being rate limited.' });
    expect(globals[0]?.headers.get('x-ratelimit-global')).toBe('true');
    expect(globals[0]?.headers.get('retry-after')).toBe('1');
    const callback = await api(
      'POST',
      `/interactions/${id}/${token}/callback`,
      { type: 4, data: { content: 'ok' } },
      null,
    );
    expect(callback.status).toBe(204);
  });

  it('THEN a callback with_response answers the interaction and the message resource', async () => {
    const { id, token } = await interact();
    const res = await api(
      'POST',
      `/interactions/${id}/${token}/callback?with_response=true`,
      {
        type: 4,
        data: { content: 'hello', flags: 64 },
      },
      null,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      interaction: { id, type: 2, response_message_ephemeral: true },
      resource: { type: 4, message: { content: 'hello', flags: 64 } },
    });
    const again = await api(
      'POST',
      `/interactions/${id}/${token}/callback`,
      { type: 4, data: { content: 'x' } },
      null,
    );
    expect(again).toMatchObject({ status: 400, body: { code: 40060 } });
    expect(sim.interaction(id)).toMatchObject({ ephemeral: true, response: { content: 'hello' } });
  });

  it('THEN @original (sent as %40original) is read, edited and deleted, and follow-ups wait for the message', async () => {
    const { id, token } = await interact();
    await api('POST', `/interactions/${id}/${token}/callback`, { type: 5 }, null);
    expect(sim.interaction(id)).toMatchObject({ deferred: true, response: null });
    const edited = await api(
      'PATCH',
      `/webhooks/${appId}/${token}/messages/%40original`,
      { content: 'filled' },
      null,
    );
    expect(edited).toMatchObject({ status: 200, body: { content: 'filled' } });
    expect(
      (await api('GET', `/webhooks/${appId}/${token}/messages/%40original`, undefined, null)).body,
    ).toMatchObject({ content: 'filled' });
    const follow = await api('POST', `/webhooks/${appId}/${token}?wait=true`, { content: 'more' }, null);
    expect(follow).toMatchObject({ status: 200, body: { content: 'more' } });
    const noWait = await api('POST', `/webhooks/${appId}/${token}`, { content: 'more again' }, null);
    expect(noWait.status).toBe(204);
    expect(
      (await api('DELETE', `/webhooks/${appId}/${token}/messages/%40original`, undefined, null)).status,
    ).toBe(204);
    expect(sim.interaction(id)).toMatchObject({
      response: null,
      followUps: [{ content: 'more' }, { content: 'more again' }],
    });
  });

  it('THEN a first response after the deadline is 10062 and the token expires after its lifetime with 50027', async () => {
    const { id, token } = await interact();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const late = await api(
      'POST',
      `/interactions/${id}/${token}/callback`,
      { type: 4, data: { content: 'late' } },
      null,
    );
    expect(late).toMatchObject({ status: 404, body: { code: 10062, message: 'Unknown interaction' } });
    expect(sim.interaction(id).error).toBe('The application did not respond');

    const second = await interact();
    await api('POST', `/interactions/${second.id}/${second.token}/callback`, { type: 5 }, null);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const expired = await api(
      'PATCH',
      `/webhooks/${appId}/${second.token}/messages/%40original`,
      { content: 'x' },
      null,
    );
    expect(expired).toMatchObject({ status: 401, body: { code: 50027 } });
  });

  it('THEN invalid message payloads get the 50035 body with the failing path', async () => {
    const url = `/channels/${guild.textChannelId}/messages`;
    const long = await api('POST', url, { content: 'x'.repeat(2_001) });
    expect(long).toMatchObject({
      status: 400,
      body: {
        code: 50035,
        message: 'Invalid Form Body',
        errors: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
      },
    });
    const embed = await api('POST', url, {
      embeds: [{ title: 't'.repeat(257), fields: [{ name: 'n', value: 'v'.repeat(1_025) }] }],
    });
    expect(embed.body['errors']).toMatchObject({
      embeds: {
        '0': {
          title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] },
          fields: { '0': { value: expect.any(Object) as object } },
        },
      },
    });
    const huge = await api('POST', url, {
      embeds: [{ description: 'd'.repeat(4_000) }, { description: 'd'.repeat(4_000) }],
    });
    expect(huge.body['errors']).toMatchObject({ embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } });
    const button = await api('POST', url, {
      content: 'x',
      components: [{ type: 1, components: [{ type: 2, style: 1, label: 'no id' }] }],
    });
    expect(button.body['errors']).toMatchObject({
      components: { '0': { components: { '0': { custom_id: expect.any(Object) as object } } } },
    });
    const empty = await api('POST', url, {});
    expect(empty).toMatchObject({ status: 400, body: { code: 50006 } });
    // Five requests spent this channel's bucket (failed ones count too); another channel has its own.
    const other = sim.createChannel({ guildId: guild.id, name: 'other' });
    const ok = await api('POST', `/channels/${other.id}/messages`, { content: 'fine' });
    expect(ok).toMatchObject({ status: 200, body: { content: 'fine', author: { id: appId } } });
  });

  it('THEN channel messages are created, read, edited and deleted with the matching gateway events', async () => {
    const url = `/channels/${guild.textChannelId}/messages`;
    const created = await api('POST', url, { content: 'one' });
    const id = String(created.body['id']);
    expect((await api('GET', `${url}/${id}`)).body).toMatchObject({ id, content: 'one' });
    expect((await api('PATCH', `${url}/${id}`, { content: 'two' })).body).toMatchObject({
      content: 'two',
      edited_timestamp: expect.any(String) as string,
    });
    expect((await api('DELETE', `${url}/${id}`)).status).toBe(204);
    expect(await api('GET', `${url}/${id}`)).toMatchObject({ status: 404, body: { code: 10008 } });
    await gateway.dispatch('MESSAGE_DELETE', (d) => d['id'] === id);
    const events = gateway.payloads.filter((p) => (p.d as { id?: string } | null)?.id === id).map((p) => p.t);
    expect(events).toEqual(['MESSAGE_CREATE', 'MESSAGE_UPDATE', 'MESSAGE_DELETE']);
    // The bot's own message keeps its content even without the MESSAGE_CONTENT intent.
    expect((gateway.dispatches('MESSAGE_CREATE').at(-1)?.d as { content: string }).content).toBe('one');
  });

  it('THEN sending without SEND_MESSAGES is 403 with code 50013', async () => {
    const botId = String((await api('GET', '/users/@me')).body['id']);
    sim.updateMember({ guildId: guild.id, userId: botId, roles: [] });
    sim.updateRole({ roleId: guild.id, permissions: String(1 << 10) });
    expect(await api('POST', `/channels/${guild.textChannelId}/messages`, { content: 'x' })).toMatchObject({
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
  });

  it('THEN a client past its invalid-request budget is blocked with 429 until the window ends', async () => {
    await sim.stop();
    sim = await startTestSimulator({
      limits: { invalidRequestsPerWindow: 3, invalidRequestWindowMs: 60_000 },
    });
    for (let i = 0; i < 3; i += 1) expect((await api('GET', '/users/@me', undefined, null)).status).toBe(401);
    const blocked = await api('GET', '/gateway');
    expect(blocked).toMatchObject({ status: 429, body: { global: true, code: 0 } });
    expect(String(blocked.body['message'])).toMatch(/blocked/);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
  });

  it('THEN bulk overwrite keeps ids of commands that stay, drops the others and validates names', async () => {
    const base = `/applications/${appId}/commands`;
    const first = await api('PUT', base, [
      { name: 'a', description: 'A' },
      { name: 'b', description: 'B' },
    ]);
    const second = await api('PUT', base, [{ name: 'a', description: 'A again' }]);
    const firstA = (first.body as unknown as { id: string; name: string }[]).find((c) => c.name === 'a');
    expect((second.body as unknown as { id: string }[]).map((c) => c.id)).toEqual([firstA?.id]);
    expect((await api('GET', base)).body).toHaveLength(1);
    const bad = await api('PUT', base, [{ name: 'Bad Name', description: 'x' }]);
    expect(bad).toMatchObject({ status: 400, body: { code: 50035 } });
    expect(await api('PUT', `/applications/999/commands`, [])).toMatchObject({
      status: 403,
      body: { code: 50001 },
    });
  });
});
