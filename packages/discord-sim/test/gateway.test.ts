import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Simulator } from '../src/index.js';
import { shardOf } from '../src/index.js';
import { RawGatewayClient } from './support/raw-gateway-client.js';
import { startTestSimulator } from './support/test-simulator.js';

const GUILDS = 1 << 0;
const GUILD_VOICE_STATES = 1 << 7;
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;

describe('GIVEN the simulator gateway and raw gateway clients', () => {
  let sim: Simulator;
  const clients: RawGatewayClient[] = [];
  const track = (client: RawGatewayClient) => {
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    sim = await startTestSimulator();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.terminate();
    await sim.stop();
  });

  it('THEN GET /gateway/bot hands out the gateway URL, shards and session_start_limit', async () => {
    const res = await fetch(`${sim.restBase}/v10/gateway/bot`, {
      headers: { authorization: 'Bot any-token' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      url: sim.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 1000, max_concurrency: 1 },
    });
  });

  it('THEN IDENTIFY gets READY then one GUILD_CREATE per guild with channels, roles, members and voice states', async () => {
    const one = sim.createGuild({ name: 'One' });
    const two = sim.createGuild({ name: 'Two' });
    const alice = sim.createUser({ username: 'alice', guildId: one.id });
    sim.setVoiceState({ userId: alice.id, guildId: one.id, channelId: one.voiceChannelId });
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, 'tok', GUILDS | GUILD_VOICE_STATES));
    const ready = client.dispatches('READY')[0]?.d as Record<string, unknown>;
    expect(ready).toMatchObject({ v: 10, resume_gateway_url: sim.gatewayUrl, shard: [0, 1] });
    expect(ready['guilds']).toEqual([
      { id: one.id, unavailable: true },
      { id: two.id, unavailable: true },
    ]);
    const created = await client.dispatch('GUILD_CREATE', (d) => d['id'] === one.id);
    await client.dispatch('GUILD_CREATE', (d) => d['id'] === two.id);
    const guild = created.d as Record<string, unknown[]>;
    expect(guild['channels']).toHaveLength(2);
    expect(guild['roles']?.length).toBeGreaterThanOrEqual(2);
    expect(guild['voice_states']).toEqual([
      expect.objectContaining({ user_id: alice.id, channel_id: one.voiceChannelId }),
    ]);
    expect(client.payloads.findIndex((p) => p.t === 'READY')).toBeLessThan(
      client.payloads.findIndex((p) => p.t === 'GUILD_CREATE'),
    );
  });

  it('THEN a token shaped like Discords (base64 of the id, then two parts) makes that id the application id', async () => {
    const id = '123456789012345678';
    const token = `${Buffer.from(id).toString('base64')}.sim.token`;
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, token, GUILDS));
    expect(client.dispatches('READY')[0]?.d).toMatchObject({ user: { id }, application: { id } });
  });

  it('THEN heartbeats are acknowledged and sequence numbers increase', async () => {
    sim.createGuild({ name: 'Beat' });
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, 'tok', GUILDS));
    client.send({ op: 1, d: client.lastSeq });
    await client.next((p) => p.op === 11);
    const seqs = client.payloads.filter((p) => p.op === 0).map((p) => p.s ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('THEN events are sent only for requested intents', async () => {
    const guild = sim.createGuild({ name: 'Intents' });
    const alice = sim.createUser({ username: 'alice', guildId: guild.id });
    const withVoice = track(
      await RawGatewayClient.identify(sim.gatewayUrl, 'a', GUILDS | GUILD_VOICE_STATES),
    );
    const without = track(await RawGatewayClient.identify(sim.gatewayUrl, 'b', GUILDS | GUILD_MESSAGES));
    sim.setVoiceState({ userId: alice.id, guildId: guild.id, channelId: guild.voiceChannelId });
    sim.postMessage({ userId: alice.id, channelId: guild.textChannelId, content: 'hello' });
    await withVoice.dispatch('VOICE_STATE_UPDATE', (d) => d['user_id'] === alice.id);
    const message = await without.dispatch('MESSAGE_CREATE');
    // No MESSAGE_CONTENT intent: another user's message arrives without its content.
    expect((message.d as Record<string, unknown>)['content']).toBe('');
    expect(without.dispatches('VOICE_STATE_UPDATE')).toHaveLength(0);
    // The message was dispatched after the voice state: a heartbeat ack proves it would have arrived by now.
    withVoice.send({ op: 1, d: null });
    await withVoice.next((p) => p.op === 11);
    expect(withVoice.dispatches('MESSAGE_CREATE')).toHaveLength(0);
  });

  it('THEN MESSAGE_CONTENT shows other users content', async () => {
    const guild = sim.createGuild({ name: 'Content' });
    const alice = sim.createUser({ username: 'alice', guildId: guild.id });
    const client = track(
      await RawGatewayClient.identify(sim.gatewayUrl, 'c', GUILD_MESSAGES | MESSAGE_CONTENT),
    );
    sim.postMessage({ userId: alice.id, channelId: guild.textChannelId, content: 'visible' });
    const message = await client.dispatch('MESSAGE_CREATE');
    expect((message.d as Record<string, unknown>)['content']).toBe('visible');
  });

  it('THEN role and member changes dispatch GUILD_ROLE_UPDATE and, with GUILD_MEMBERS, GUILD_MEMBER_UPDATE', async () => {
    const guild = sim.createGuild({ name: 'Members update' });
    const alice = sim.createUser({ username: 'alice', guildId: guild.id });
    const role = sim.createRole({ guildId: guild.id, name: 'DJ', permissions: '0' });
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, 'updates', GUILDS | (1 << 1)));
    const blind = track(await RawGatewayClient.identify(sim.gatewayUrl, 'blind', GUILDS));
    sim.updateRole({ roleId: role.id, permissions: String(1 << 5) });
    sim.updateMember({ guildId: guild.id, userId: alice.id, roles: [role.id], nick: 'Al' });
    const update = await client.dispatch('GUILD_MEMBER_UPDATE', (d) => d['guild_id'] === guild.id);
    expect(update.d).toMatchObject({ roles: [role.id], nick: 'Al', user: { id: alice.id } });
    const roleUpdate = await blind.dispatch('GUILD_ROLE_UPDATE');
    expect(roleUpdate.d).toMatchObject({ guild_id: guild.id, role: { id: role.id, permissions: '32' } });
    // A heartbeat ack after the update: anything sent to this socket before it has arrived.
    blind.send({ op: 1, d: null });
    await blind.next((p) => p.op === 11);
    expect(blind.dispatches('GUILD_MEMBER_UPDATE')).toHaveLength(0);
  });

  it('THEN op 8 answers GUILD_MEMBERS_CHUNK by username prefix and by ids', async () => {
    const guild = sim.createGuild({ name: 'Members' });
    const alice = sim.createUser({ username: 'alice', guildId: guild.id });
    sim.createUser({ username: 'bob', guildId: guild.id });
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, 'members', GUILDS | (1 << 1)));
    client.send({ op: 8, d: { guild_id: guild.id, query: 'al', limit: 0, nonce: 'q' } });
    const byName = await client.dispatch('GUILD_MEMBERS_CHUNK', (d) => d['nonce'] === 'q');
    expect((byName.d as { members: { user: { id: string } }[] }).members.map((m) => m.user.id)).toEqual([
      alice.id,
    ]);
    client.send({ op: 8, d: { guild_id: guild.id, user_ids: [alice.id, '1'], nonce: 'ids' } });
    const byId = await client.dispatch('GUILD_MEMBERS_CHUNK', (d) => d['nonce'] === 'ids');
    expect(byId.d).toMatchObject({ not_found: ['1'], chunk_index: 0, chunk_count: 1 });
  });

  it('THEN with two shards each guild is sent only to shard (guild_id >> 22) % 2', async () => {
    await sim.stop();
    // Two identify buckets, so both shards may identify at once.
    sim = await startTestSimulator({ limits: { maxConcurrency: 2 } });
    const guilds: string[] = [];
    while (new Set(guilds.map((id) => shardOf(id, 2))).size < 2) {
      guilds.push(sim.createGuild({ name: `Shard ${guilds.length}` }).id);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    const shard0 = track(await RawGatewayClient.identify(sim.gatewayUrl, 'sharded', GUILDS, [0, 2]));
    const shard1 = track(await RawGatewayClient.identify(sim.gatewayUrl, 'sharded', GUILDS, [1, 2]));
    const readyIds = (client: RawGatewayClient) =>
      ((client.dispatches('READY')[0]?.d as { guilds: { id: string }[] }).guilds ?? []).map((g) => g.id);
    expect(readyIds(shard0)).toEqual(guilds.filter((id) => shardOf(id, 2) === 0));
    expect(readyIds(shard1)).toEqual(guilds.filter((id) => shardOf(id, 2) === 1));
    const target = guilds.find((id) => shardOf(id, 2) === 1) ?? '';
    const channel = sim.createChannel({ guildId: target, name: 'new-one' });
    await shard1.dispatch('CHANNEL_CREATE', (d) => d['id'] === channel.id);
    shard0.send({ op: 1, d: null });
    await shard0.next((p) => p.op === 11);
    expect(shard0.dispatches('CHANNEL_CREATE')).toHaveLength(0);
  });

  it('THEN a second IDENTIFY in the same bucket within 5 s gets INVALID_SESSION', async () => {
    track(await RawGatewayClient.identify(sim.gatewayUrl, 'eager', GUILDS));
    const second = track(await RawGatewayClient.connect(sim.gatewayUrl));
    second.send({ op: 2, d: { token: 'eager', intents: GUILDS } });
    expect((await second.next((p) => p.op === 9)).d).toBe(false);
    expect(second.dispatches('READY')).toHaveLength(0);
  });

  it('THEN an invalid shard closes with 4010 and invalid intents with 4013', async () => {
    const badShard = track(await RawGatewayClient.connect(sim.gatewayUrl));
    badShard.send({ op: 2, d: { token: 't', intents: 1, shard: [2, 2] } });
    expect((await badShard.closed).code).toBe(4010);
    const badIntents = track(await RawGatewayClient.connect(sim.gatewayUrl));
    badIntents.send({ op: 2, d: { token: 't', intents: 1 << 30 } });
    expect((await badIntents.closed).code).toBe(4013);
  });

  it('THEN RESUME replays the dispatches missed while disconnected, then RESUMED', async () => {
    const guild = sim.createGuild({ name: 'Resume' });
    const alice = sim.createUser({ username: 'alice', guildId: guild.id });
    const first = track(
      await RawGatewayClient.identify(sim.gatewayUrl, 'resumer', GUILDS | GUILD_MESSAGES | MESSAGE_CONTENT),
    );
    await first.dispatch('GUILD_CREATE');
    const sessionId = (first.dispatches('READY')[0]?.d as { session_id: string }).session_id;
    const seq = first.lastSeq;
    first.terminate();
    await first.closed;
    sim.postMessage({ userId: alice.id, channelId: guild.textChannelId, content: 'missed one' });
    sim.postMessage({ userId: alice.id, channelId: guild.textChannelId, content: 'missed two' });

    const second = track(await RawGatewayClient.connect(sim.gatewayUrl));
    second.send({ op: 6, d: { token: 'resumer', session_id: sessionId, seq } });
    await second.dispatch('RESUMED');
    const replayed = second.dispatches('MESSAGE_CREATE').map((p) => (p.d as { content: string }).content);
    expect(replayed).toEqual(['missed one', 'missed two']);
    expect(second.dispatches('MESSAGE_CREATE')[0]?.s).toBe(seq + 1);
  });

  it('THEN RESUME of an unknown session gets INVALID_SESSION false', async () => {
    const client = track(await RawGatewayClient.connect(sim.gatewayUrl));
    client.send({ op: 6, d: { token: 't', session_id: 'nope', seq: 3 } });
    expect((await client.next((p) => p.op === 9)).d).toBe(false);
  });

  it('THEN the reconnect and invalid-session faults send op 7 and op 9', async () => {
    const client = track(await RawGatewayClient.identify(sim.gatewayUrl, 'faulty', GUILDS));
    expect(sim.fault({ kind: 'gateway-reconnect' }).affected).toBe(1);
    await client.next((p) => p.op === 7);
    sim.fault({ kind: 'invalid-session' });
    expect((await client.next((p) => p.op === 9)).d).toBe(false);
  });

  it('THEN 130 payloads in a minute close the connection with 4008 while other clients keep being served', async () => {
    const chatty = track(await RawGatewayClient.identify(sim.gatewayUrl, 'chatty', GUILDS));
    const calm = track(await RawGatewayClient.identify(sim.gatewayUrl, 'calm', GUILDS));
    for (let i = 0; i < 130; i += 1) chatty.send({ op: 1, d: i });
    const closed = await chatty.closed;
    expect(closed.code).toBe(4008);
    expect(chatty.payloads.filter((p) => p.op === 11).length).toBeLessThanOrEqual(120);
    calm.send({ op: 1, d: 1 });
    await calm.next((p) => p.op === 11);
  });

  it('THEN bad JSON closes with 4002, an unknown op with 4001, an op before IDENTIFY with 4003, an oversized payload with 4002', async () => {
    const cases: [unknown, number][] = [
      ['{not json', 4002],
      [{ op: 42, d: null }, 4001],
      [{ op: 4, d: { guild_id: '1', channel_id: null } }, 4003],
      [{ op: 1, d: 'x'.repeat(5_000) }, 4002],
    ];
    for (const [payload, code] of cases) {
      const client = track(await RawGatewayClient.connect(sim.gatewayUrl));
      client.send(payload);
      expect((await client.closed).code).toBe(code);
    }
    const healthy = track(await RawGatewayClient.identify(sim.gatewayUrl, 'healthy', GUILDS));
    healthy.send({ op: 1, d: null });
    await healthy.next((p) => p.op === 11);
  });
});
