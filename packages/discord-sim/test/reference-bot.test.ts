import { DiscordAPIError } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatorRequestError, type CreatedGuild, type Simulator } from '../src/index.js';
import { startReferenceBot, type ReferenceBot } from './support/reference-bot.js';
import { startTestSimulator } from './support/test-simulator.js';

const ACK_DEADLINE_MS = 1_500;

describe('GIVEN a real discord.js bot connected to the simulator', () => {
  let sim: Simulator;
  let bot: ReferenceBot;
  let guild: CreatedGuild;
  let alice: string;
  const where = () => ({ userId: alice, guildId: guild.id, channelId: guild.textChannelId });

  beforeAll(async () => {
    sim = await startTestSimulator({ limits: { interactionAckDeadlineMs: ACK_DEADLINE_MS } });
    guild = sim.createGuild({ name: 'Reference' });
    alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
    bot = await startReferenceBot(sim.restBase, { lateMs: ACK_DEADLINE_MS + 300 });
  });

  afterAll(async () => {
    await bot.stop();
    await sim.stop();
  });

  it('THEN the commands it registered show in the state, per guild and global', () => {
    const commands = sim.state().commands;
    expect(commands.filter((c) => c.guildId === guild.id).map((c) => c.name)).toEqual(
      expect.arrayContaining(['ping', 'slow', 'multi', 'counter', 'echo', 'play', 'settings', 'tone']),
    );
    expect(commands.filter((c) => c.guildId === null).map((c) => c.name)).toEqual(['help']);
  });

  it('THEN a command gets its reply, visible in the channel', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'ping' });
    const view = await sim.waitForInteractionResponse(id);
    expect(view).toMatchObject({ acknowledged: true, type: 4, deferred: false, ephemeral: false });
    expect(view.response?.content).toBe('pong');
    expect(view.ackMs).toBeLessThan(ACK_DEADLINE_MS);
    const message = await sim.waitForMessage(guild.textChannelId, (m) => m.content === 'pong');
    expect(message).toMatchObject({ author: { bot: true }, interactionId: id, editCount: 0 });
  });

  it('THEN typed options reach the bot', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'echo', options: { text: 'hi', times: 3 } });
    expect((await sim.waitForInteractionResponse(id)).response?.content).toBe('hi hi hi');
  });

  it('THEN a subcommand and a subcommand group reach the bot with their options', async () => {
    const volume = sim.invokeCommand({
      ...where(),
      command: 'settings',
      subcommand: 'volume',
      options: { level: 70 },
    });
    const dj = sim.invokeCommand({
      ...where(),
      command: 'settings',
      subcommand: 'dj set',
      options: { name: 'DJs' },
    });
    expect((await sim.waitForInteractionResponse(volume.id)).response?.content).toBe('settings volume: 70');
    expect((await sim.waitForInteractionResponse(dj.id)).response?.content).toBe('settings dj set: DJs');
  });

  it('THEN over HTTP a subcommand is invoked and its answered interaction read back', async () => {
    const created = await fetch(`${sim.baseUrl}/_sim/interactions`, {
      method: 'POST',
      body: JSON.stringify({
        ...where(),
        command: 'settings',
        subcommand: 'dj set',
        options: { name: 'Crew' },
      }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    await sim.waitForInteractionResponse(id);
    const read = await fetch(`${sim.baseUrl}/_sim/interactions/${id}`);
    expect(read.status).toBe(200);
    const view = (await read.json()) as Record<string, unknown>;
    expect(view).toMatchObject({
      id,
      interactionType: 'command',
      acknowledged: true,
      type: 4,
      deferred: false,
      ephemeral: false,
      response: { content: 'settings dj set: Crew', embeds: [], components: [], editCount: 0 },
      followUps: [],
    });
    expect(view['ackMs']).toEqual(expect.any(Number));
    expect(view).not.toHaveProperty('error');
  });

  it('THEN a subcommand left out or unknown is refused with 400', async () => {
    expect(() => sim.invokeCommand({ ...where(), command: 'settings' })).toThrow(
      /this command needs a subcommand/,
    );
    const res = await fetch(`${sim.baseUrl}/_sim/interactions`, {
      method: 'POST',
      body: JSON.stringify({ ...where(), command: 'settings', subcommand: 'dj drop' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'unknown subcommand dj drop' });
  });

  it('THEN /tone from a user outside voice is answered "Join a voice channel first", only to them', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'tone', options: { hz: 440 } });
    const view = await sim.waitForInteractionResponse(id);
    expect(view).toMatchObject({
      type: 4,
      ephemeral: true,
      response: { content: 'Join a voice channel first' },
    });
    expect(sim.audio(guild.id).connected).toBe(false);
  });

  it('THEN a deferred reply shows once edited, as the user sees it', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'slow' });
    const view = await sim.waitForInteractionResponse(id);
    expect(view).toMatchObject({
      type: 5,
      deferred: true,
      response: { content: 'done slowly', editCount: 0 },
    });
  });

  it('THEN follow-ups are listed, the ephemeral one only on the interaction', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'multi' });
    const view = await sim.waitForInteractionResponse(id, { until: (v) => v.followUps.length === 2 });
    expect(view.response?.content).toBe('first');
    expect(view.followUps.map((f) => [f.content, f.ephemeral])).toEqual([
      ['second (only you)', true],
      ['third', false],
    ]);
    const contents = sim.channelMessages(guild.textChannelId).map((m) => m.content);
    expect(contents).toEqual(expect.arrayContaining(['first', 'third']));
    expect(contents).not.toContain('second (only you)');
  });

  it('THEN a button click updates the message it sits on', async () => {
    const { id } = sim.invokeCommand({ ...where(), command: 'counter' });
    const reply = (await sim.waitForInteractionResponse(id)).response;
    expect(reply?.content).toBe('count: 0');
    const click = sim.clickComponent({ userId: alice, messageId: reply?.id ?? '', customId: 'inc' });
    const clicked = await sim.waitForInteractionResponse(click.id);
    expect(clicked).toMatchObject({
      interactionType: 'component',
      type: 7,
      response: { content: 'count: 1' },
    });
    const message = sim.channelMessages(guild.textChannelId).find((m) => m.id === reply?.id);
    expect(message).toMatchObject({ content: 'count: 1', editCount: 1 });
    expect(JSON.stringify(message?.components)).toContain('+1 (1)');
  });

  it('THEN autocomplete choices appear in the interaction record', async () => {
    const { id } = sim.invokeCommand({
      ...where(),
      command: 'play',
      options: { query: 'never' },
      focused: 'query',
    });
    const view = await sim.waitForInteractionResponse(id);
    expect(view).toMatchObject({ interactionType: 'autocomplete', type: 8 });
    expect(view.choices).toEqual([
      { name: 'never result 1', value: 'never-1' },
      { name: 'never result 2', value: 'never-2' },
    ]);
  });

  it('THEN an unknown command, a missing required option and an unregistered name are refused with 400', async () => {
    expect(() => sim.invokeCommand({ ...where(), command: 'nope' })).toThrow(SimulatorRequestError);
    expect(() => sim.invokeCommand({ ...where(), command: 'echo' })).toThrow(/missing required option text/);
    const res = await fetch(`${sim.baseUrl}/_sim/interactions`, {
      method: 'POST',
      body: JSON.stringify({ ...where(), command: 'nope' }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'unknown or unregistered command /nope' });
  });

  it('THEN an interaction left unanswered shows "The application did not respond" and a late reply gets 10062', async () => {
    const ignored = sim.invokeCommand({ ...where(), command: 'ignore' });
    const late = sim.invokeCommand({ ...where(), command: 'late' });
    await expect(sim.waitForInteractionResponse(ignored.id)).rejects.toThrow(/did not respond/);
    await expect(sim.waitForInteractionResponse(late.id, { timeoutMs: 5_000 })).rejects.toThrow(
      /did not respond/,
    );
    const deadline = Date.now() + 5_000;
    while (!bot.errors.some((e) => e instanceof DiscordAPIError) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const error = bot.errors.find((e) => e instanceof DiscordAPIError);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(10062);
  });
});
