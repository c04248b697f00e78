import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedGuild, Simulator } from '../src/index.js';
import { FakeVoiceServer } from './support/fake-voice-server.js';
import { RawGatewayClient } from './support/raw-gateway-client.js';
import { startTestSimulator } from './support/test-simulator.js';

const INTENTS = (1 << 0) | (1 << 7);

describe('GIVEN a bot on the gateway and a recording voice server', () => {
  let sim: Simulator;
  let voice: FakeVoiceServer;
  let guild: CreatedGuild;
  let client: RawGatewayClient;
  let botId: string;
  let sessionId: string;

  const join = (channelId: string | null) =>
    client.send({
      op: 4,
      d: { guild_id: guild.id, channel_id: channelId, self_mute: false, self_deaf: true },
    });
  const botStates = () =>
    client.dispatches('VOICE_STATE_UPDATE').filter((p) => (p.d as { user_id: string }).user_id === botId);

  beforeEach(async () => {
    voice = new FakeVoiceServer();
    sim = await startTestSimulator({ createVoiceServer: () => voice });
    guild = sim.createGuild({ name: 'Voice glue' });
    client = await RawGatewayClient.identify(sim.gatewayUrl, 'voice-bot', INTENTS);
    const ready = client.dispatches('READY')[0]?.d as { user: { id: string }; session_id: string };
    botId = ready.user.id;
    sessionId = ready.session_id;
  });

  afterEach(async () => {
    client.terminate();
    await sim.stop();
  });

  it('THEN op 4 answers VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE with the allocated token and endpoint', async () => {
    join(guild.voiceChannelId);
    const state = await client.dispatch('VOICE_STATE_UPDATE', (d) => d['user_id'] === botId);
    expect(state.d).toMatchObject({
      channel_id: guild.voiceChannelId,
      session_id: sessionId,
      self_deaf: true,
    });
    const server = await client.dispatch('VOICE_SERVER_UPDATE');
    expect(server.d).toEqual({ token: 'voice-token-1', guild_id: guild.id, endpoint: 'localhost:1' });
    expect(voice.calls).toEqual([
      { kind: 'allocate', guildId: guild.id, userId: botId, sessionId, channelId: guild.voiceChannelId },
    ]);
    expect(sim.state().voiceStates).toEqual([
      expect.objectContaining({ userId: botId, channelId: guild.voiceChannelId }),
    ]);
  });

  it('THEN leaving with channel_id null dispatches the null state and disconnects the voice session', async () => {
    join(guild.voiceChannelId);
    await client.dispatch('VOICE_SERVER_UPDATE');
    join(null);
    await client.dispatch('VOICE_STATE_UPDATE', (d) => d['user_id'] === botId && d['channel_id'] === null);
    expect(voice.calls.at(-1)).toEqual({ kind: 'disconnect', guildId: guild.id, userId: botId, code: 4014 });
    expect(sim.state().voiceStates).toEqual([]);
  });

  it('THEN a moderator moving the bot closes the old voice session with 4014 and hands out a new server', async () => {
    const other = sim.createChannel({ guildId: guild.id, name: 'Other', type: 'voice' });
    join(guild.voiceChannelId);
    await client.dispatch('VOICE_SERVER_UPDATE');
    sim.setVoiceState({ userId: botId, guildId: guild.id, channelId: other.id });
    await client.dispatch(
      'VOICE_STATE_UPDATE',
      (d) => d['user_id'] === botId && d['channel_id'] === other.id,
    );
    await client.dispatch('VOICE_SERVER_UPDATE', (d) => d['token'] === 'voice-token-2');
    expect(voice.calls.slice(1)).toEqual([
      { kind: 'disconnect', guildId: guild.id, userId: botId, code: 4014 },
      { kind: 'allocate', guildId: guild.id, userId: botId, sessionId, channelId: other.id },
    ]);
  });

  it('THEN deleting the channel and kicking the bot each produce the null state and a 4014 close', async () => {
    join(guild.voiceChannelId);
    await client.dispatch('VOICE_SERVER_UPDATE');
    sim.setVoiceState({ userId: botId, guildId: guild.id, channelId: null });
    await client.dispatch('VOICE_STATE_UPDATE', (d) => d['user_id'] === botId && d['channel_id'] === null);
    expect(voice.calls.at(-1)).toEqual({ kind: 'disconnect', guildId: guild.id, userId: botId, code: 4014 });

    join(guild.voiceChannelId);
    await client.next((p) => p.t === 'VOICE_SERVER_UPDATE' && botStates().length === 3);
    sim.deleteChannel(guild.voiceChannelId);
    await client.dispatch('CHANNEL_DELETE', (d) => d['id'] === guild.voiceChannelId);
    expect(botStates().map((p) => (p.d as { channel_id: string | null }).channel_id)).toEqual([
      guild.voiceChannelId,
      null,
      guild.voiceChannelId,
      null,
    ]);
    expect(voice.calls.filter((c) => c.kind === 'disconnect')).toHaveLength(2);
  });

  it('THEN kicking the bot from the guild closes its voice with 4014, then GUILD_MEMBER_REMOVE and GUILD_DELETE', async () => {
    join(guild.voiceChannelId);
    await client.dispatch('VOICE_SERVER_UPDATE');
    sim.kickMember(guild.id, botId);
    await client.dispatch('GUILD_DELETE', (d) => d['id'] === guild.id);
    expect(botStates().map((p) => (p.d as { channel_id: string | null }).channel_id)).toEqual([
      guild.voiceChannelId,
      null,
    ]);
    expect(voice.calls.at(-1)).toEqual({ kind: 'disconnect', guildId: guild.id, userId: botId, code: 4014 });
    expect(sim.state().guilds[0]?.members.map((m) => m.userId)).not.toContain(botId);
  });

  it('THEN users joining and leaving produce VOICE_STATE_UPDATE and never touch the voice server', async () => {
    const bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
    sim.setVoiceState({ userId: bob, guildId: guild.id, channelId: guild.voiceChannelId });
    sim.setVoiceState({ userId: bob, guildId: guild.id, channelId: null });
    await client.dispatch('VOICE_STATE_UPDATE', (d) => d['user_id'] === bob && d['channel_id'] === null);
    expect(client.dispatches('VOICE_STATE_UPDATE')).toHaveLength(2);
    expect(voice.calls).toEqual([]);
  });

  it('THEN a bot without CONNECT permission is ignored, as Discord does', async () => {
    sim.updateMember({ guildId: guild.id, userId: botId, roles: [] });
    sim.updateRole({ roleId: guild.id, permissions: String(1 << 10) });
    join(guild.voiceChannelId);
    client.send({ op: 1, d: null });
    await client.next((p) => p.op === 11);
    expect(botStates()).toEqual([]);
    expect(voice.calls).toEqual([]);
  });

  it('THEN the voice faults reach the voice server', async () => {
    join(guild.voiceChannelId);
    await client.dispatch('VOICE_SERVER_UPDATE');
    expect(sim.fault({ kind: 'voice-close', guildId: guild.id, code: 4006 }).affected).toBe(1);
    sim.fault({ kind: 'voice-server-crash', guildId: guild.id });
    expect(voice.calls.slice(1)).toEqual([
      { kind: 'disconnect', guildId: guild.id, userId: botId, code: 4006 },
      { kind: 'crash', guildId: guild.id },
    ]);
  });
});
