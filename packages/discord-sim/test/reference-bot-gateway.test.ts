import { Events } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreatedGuild, Simulator } from '../src/index.js';
import { startReferenceBot, type ReferenceBot } from './support/reference-bot.js';
import { startTestSimulator } from './support/test-simulator.js';

/**
 * discord.js waits up to 6.5 s between two identifies of a shard (its own throttle, whatever the server
 * allows), so a re-identify right after start takes that long.
 */
const REIDENTIFY_TIMEOUT_MS = 15_000;

async function waitUntil(what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('GIVEN the reference bot when the gateway tells it to reconnect or that its session is invalid', () => {
  let sim: Simulator;
  let bot: ReferenceBot;
  let guild: CreatedGuild;
  let alice: string;
  /** READY and RESUMED dispatches the bot received after its start, in order. */
  let sessionEvents: string[];

  const ping = async (): Promise<string | undefined> => {
    const { id } = sim.invokeCommand({
      userId: alice,
      guildId: guild.id,
      channelId: guild.textChannelId,
      command: 'ping',
    });
    return (await sim.waitForInteractionResponse(id)).response?.content;
  };
  const sessionIds = () => sim.state().sessions.map((s) => s.id);

  beforeEach(async () => {
    sim = await startTestSimulator();
    guild = sim.createGuild({ name: 'Gateway faults' });
    alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
    bot = await startReferenceBot(sim.restBase);
    sessionEvents = [];
    bot.client.on(Events.Raw, (packet: { t?: string | null }) => {
      if (packet.t === 'READY' || packet.t === 'RESUMED') sessionEvents.push(packet.t);
    });
  });

  afterEach(async () => {
    await bot.stop();
    await sim.stop();
  });

  it('WHEN op 7 RECONNECT arrives THEN it resumes the same session and answers a command sent meanwhile', async () => {
    const before = sessionIds();
    const socketClosed = new Promise((resolve) => bot.client.once(Events.ShardReconnecting, resolve));
    expect(sim.fault({ kind: 'gateway-reconnect' }).affected).toBe(1);
    await socketClosed;
    // Sent while the bot has no socket: it reaches the bot only in the resume's replay.
    expect(await ping()).toBe('pong');
    expect(sessionEvents).toEqual(['RESUMED']);
    expect(sessionIds()).toEqual(before);
    expect(await ping()).toBe('pong');
    expect(bot.errors).toEqual([]);
  });

  it('WHEN op 9 INVALID_SESSION (resumable) arrives THEN it resumes the same session and keeps answering', async () => {
    const before = sessionIds();
    expect(sim.fault({ kind: 'invalid-session', resumable: true }).affected).toBe(1);
    await waitUntil('the resume', () => sessionEvents.includes('RESUMED'));
    expect(sessionEvents).toEqual(['RESUMED']);
    expect(sessionIds()).toEqual(before);
    expect(await ping()).toBe('pong');
  });

  it('WHEN op 9 INVALID_SESSION (not resumable) arrives THEN it identifies a new session and keeps answering', async () => {
    const [before] = sessionIds();
    expect(sim.fault({ kind: 'invalid-session', resumable: false }).affected).toBe(1);
    await waitUntil('a new READY', () => sessionEvents.includes('READY'), REIDENTIFY_TIMEOUT_MS);
    expect(sessionEvents).toEqual(['READY']);
    const after = sessionIds();
    expect(after).toHaveLength(1);
    expect(after).not.toContain(before);
    // The guild came back with the new session (GUILD_CREATE), and commands are answered again.
    await waitUntil(
      'the guild back in the cache',
      () => bot.client.guilds.cache.get(guild.id)?.available === true,
    );
    expect(await ping()).toBe('pong');
    expect(bot.errors).toEqual([]);
  });
});
