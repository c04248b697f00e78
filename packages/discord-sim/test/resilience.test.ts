import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  type Message,
  type TextChannel,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedGuild, Simulator } from '../src/index.js';
import { startTestSimulator } from './support/test-simulator.js';

const TOKEN = 'resilience-bot-token';

async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GIVEN a discord.js client on the simulator when things go wrong', () => {
  let sim: Simulator;
  let client: Client;
  let guild: CreatedGuild;
  let alice: string;

  beforeEach(async () => {
    // Per-route windows shortened 5x so a bucket resets within a second.
    sim = await startTestSimulator({ limits: { bucketWindowScale: 0.2 } });
    guild = sim.createGuild({ name: 'Resilience' });
    alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
    client = new Client({
      intents: [
        GatewayIntentBits.Guilds,
        GatewayIntentBits.GuildVoiceStates,
        GatewayIntentBits.GuildMessages,
        GatewayIntentBits.MessageContent,
      ],
      rest: { api: sim.restBase },
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(TOKEN);
    await ready;
  });

  afterEach(async () => {
    await client.destroy();
    await sim.stop();
  });

  it('THEN after a forced disconnect it resumes and receives the events dispatched meanwhile', async () => {
    const seen: string[] = [];
    let resumed = 0;
    client.on(Events.MessageCreate, (message: Message) => seen.push(message.content));
    client.on(Events.ShardResume, () => (resumed += 1));
    const sessionsBefore = sim.state().sessions.map((s) => s.id);

    expect(sim.fault({ kind: 'gateway-disconnect' }).affected).toBe(1);
    // Dispatched in the same tick as the drop: the client cannot be connected yet.
    sim.postMessage({ userId: alice, channelId: guild.textChannelId, content: 'while away 1' });
    sim.setVoiceState({ userId: alice, guildId: guild.id, channelId: guild.voiceChannelId });
    sim.postMessage({ userId: alice, channelId: guild.textChannelId, content: 'while away 2' });

    await waitUntil('the missed messages', () => seen.length >= 2);
    expect(seen).toEqual(['while away 1', 'while away 2']);
    await waitUntil('the resume', () => resumed === 1);
    expect(client.guilds.cache.get(guild.id)?.voiceStates.cache.get(alice)?.channelId).toBe(
      guild.voiceChannelId,
    );
    expect(sim.state().sessions.map((s) => s.id)).toEqual(sessionsBefore);
  });

  it('THEN a REST burst past a bucket gets 429 with retry_after, and discord.js waits and retries without error', async () => {
    const url = `${sim.restBase}/v10/channels/${guild.textChannelId}/messages`;
    const post = (content: string) =>
      fetch(url, {
        method: 'POST',
        headers: { authorization: `Bot ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ content }),
      });
    // Another process of the same bot (say, a second shard) drains the channel's bucket.
    const burst = await Promise.all(Array.from({ length: 6 }, (_, i) => post(`burst ${i}`)));
    const limited = burst.find((r) => r.status === 429);
    expect(burst.filter((r) => r.status === 200)).toHaveLength(5);
    expect(limited?.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited?.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    const body = (await limited?.json()) as { retry_after: number; global: boolean; message: string };
    expect(body).toMatchObject({ message: 'You are being rate limited.', global: false });
    expect(body.retry_after).toBeGreaterThan(0);

    const since = Date.now();
    const channel = (await client.channels.fetch(guild.textChannelId)) as TextChannel;
    const sent = await channel.send('after the burst');
    expect(sent.content).toBe('after the burst');
    const statuses = sim
      .requests(since)
      .filter((r) => r.route === 'POST /channels/:channelId/messages')
      .map((r) => r.status);
    expect(statuses).toEqual([429, 200]);
  });

  it('THEN discord.js paces its own burst by the headers and every message arrives', async () => {
    const channel = (await client.channels.fetch(guild.textChannelId)) as TextChannel;
    await Promise.all(Array.from({ length: 8 }, (_, i) => channel.send(`paced ${i}`)));
    expect(
      sim.channelMessages(guild.textChannelId).filter((m) => m.content.startsWith('paced')),
    ).toHaveLength(8);
  });

  it('THEN injected 500s are retried by discord.js and injected 429s waited out', async () => {
    const channel = (await client.channels.fetch(guild.textChannelId)) as TextChannel;
    sim.fault({
      kind: 'rest-errors',
      status: 500,
      count: 1,
      route: `/channels/${guild.textChannelId}/messages`,
    });
    await channel.send('after a 500');
    sim.fault({ kind: 'rest-errors', status: 429, count: 1, route: 'POST /channels', retryAfter: 0.2 });
    await channel.send('after a 429');
    const faults = sim.requests().filter((r) => r.fault === true);
    expect(faults.map((r) => r.status)).toEqual([500, 429]);
    expect(sim.channelMessages(guild.textChannelId).map((m) => m.content)).toEqual([
      'after a 500',
      'after a 429',
    ]);
  });

  it('THEN an oversized message is refused with 50035 and the bot keeps working', async () => {
    const channel = (await client.channels.fetch(guild.textChannelId)) as TextChannel;
    const error = await channel.send('x'.repeat(2_001)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect(JSON.stringify((error as DiscordAPIError).rawError)).toContain('BASE_TYPE_MAX_LENGTH');
    await channel.send('still fine');
    expect(sim.channelMessages(guild.textChannelId).map((m) => m.content)).toEqual(['still fine']);
  });
});
