import { Events } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedGuild, Simulator } from '../src/index.js';
import { startReferenceBot, type ReferenceBot } from './support/reference-bot.js';
import { startTestSimulator } from './support/test-simulator.js';

describe('GIVEN the reference bot answering select menus, deferred updates and modals', () => {
  let sim: Simulator;
  let bot: ReferenceBot;
  let guild: CreatedGuild;
  let alice: string;
  let bob: string;
  const where = () => ({ userId: alice, guildId: guild.id, channelId: guild.textChannelId });
  const post = (path: string, body: unknown) =>
    fetch(`${sim.baseUrl}${path}`, { method: 'POST', body: JSON.stringify(body) });

  /** Runs `command` and returns the id of the message it replied with. */
  async function replyOf(command: string): Promise<string> {
    const { id } = sim.invokeCommand({ ...where(), command });
    const reply = (await sim.waitForInteractionResponse(id)).response;
    if (reply === null) throw new Error(`/${command} has no reply`);
    return reply.id;
  }

  /** Runs `command`, expecting the bot to answer with a modal; returns the interaction id. */
  async function modalOf(command: string): Promise<string> {
    const { id } = sim.invokeCommand({ ...where(), command });
    expect(await sim.waitForInteractionResponse(id)).toMatchObject({ type: 9, response: null });
    return id;
  }

  beforeAll(async () => {
    sim = await startTestSimulator();
    guild = sim.createGuild({ name: 'Components' });
    alice = sim.createUser({ username: 'alice', guildId: guild.id }).id;
    bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
    bot = await startReferenceBot(sim.restBase);
  });

  afterAll(async () => {
    await bot.stop();
    await sim.stop();
  });

  it('THEN the values picked in a select menu reach the bot, which updates the message', async () => {
    const messageId = await replyOf('flavours');
    const pick = sim.clickComponent({
      userId: alice,
      messageId,
      customId: 'flavours',
      values: ['vanilla', 'chocolate'],
    });
    const view = await sim.waitForInteractionResponse(pick.id);
    expect(view).toMatchObject({
      interactionType: 'component',
      type: 7,
      response: { id: messageId, content: 'picked: vanilla, chocolate', components: [] },
    });
    expect(sim.channelMessages(guild.textChannelId).find((m) => m.id === messageId)).toMatchObject({
      content: 'picked: vanilla, chocolate',
      components: [],
      editCount: 1,
    });
  });

  it('THEN over HTTP a select is picked, a value it does not offer refused with 400', async () => {
    const messageId = await replyOf('flavours');
    const refused = await post('/_sim/components', {
      userId: alice,
      messageId,
      customId: 'flavours',
      values: ['mint'],
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'value mint is not an option of flavours' });

    const picked = await post('/_sim/components', {
      userId: alice,
      messageId,
      customId: 'flavours',
      values: ['strawberry'],
    });
    expect(picked.status).toBe(200);
    const { id } = (await picked.json()) as { id: string };
    await sim.waitForInteractionResponse(id);
    const read = await fetch(`${sim.baseUrl}/_sim/interactions/${id}`);
    expect(await read.json()).toMatchObject({
      id,
      interactionType: 'component',
      acknowledged: true,
      type: 7,
      response: { id: messageId, content: 'picked: strawberry' },
    });
  });

  it('THEN over HTTP a button is clicked, and a click with values on a button refused', async () => {
    const messageId = await replyOf('counter');
    const refused = await post('/_sim/components', {
      userId: alice,
      messageId,
      customId: 'inc',
      values: ['1'],
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: 'a button takes no values' });
    const clicked = await post('/_sim/components', { userId: alice, messageId, customId: 'inc' });
    expect(clicked.status).toBe(200);
    const { id } = (await clicked.json()) as { id: string };
    expect((await sim.waitForInteractionResponse(id)).response?.content).toBe('count: 1');
  });

  it('THEN a deferred update (type 6) acknowledges at once and edits the clicked message through @original', async () => {
    const messageId = await replyOf('counter');
    const click = sim.clickComponent({ userId: alice, messageId, customId: 'inc-later' });
    const view = await sim.waitForInteractionResponse(click.id, {
      until: (v) => v.response?.content === 'count: 1',
    });
    expect(view).toMatchObject({
      interactionType: 'component',
      acknowledged: true,
      type: 6,
      deferred: true,
      response: { id: messageId, editCount: 1 },
      followUps: [],
    });
    const message = sim.channelMessages(guild.textChannelId).find((m) => m.id === messageId);
    expect(message).toMatchObject({ content: 'count: 1', editCount: 1 });
    expect(JSON.stringify(message?.components)).toContain('+1 (1)');
    expect(bot.errors).toEqual([]);
  });

  it('THEN a command answered with a modal (type 9) shows it, and its submission gets the reply', async () => {
    const id = await modalOf('feedback');
    const view = sim.interaction(id);
    expect(view.modal).toMatchObject({ custom_id: 'feedback', title: 'Feedback' });
    expect(sim.channelMessages(guild.textChannelId).some((m) => m.interactionId === id)).toBe(false);

    const received: unknown[] = [];
    const record = (packet: { t?: string | null; d?: unknown }) => {
      if (packet.t === 'INTERACTION_CREATE') received.push(packet.d);
    };
    bot.client.on(Events.Raw, record);
    const submitted = sim.submitModal({
      userId: alice,
      interactionId: id,
      fields: { opinion: 'great', details: 'loud and clear' },
    });
    const answer = await sim.waitForInteractionResponse(submitted.id);
    bot.client.off(Events.Raw, record);
    // Laid out as the modal was: one label per text input.
    expect(received).toEqual([
      expect.objectContaining({
        type: 5,
        data: {
          custom_id: 'feedback',
          components: [
            { type: 18, id: 1, component: { type: 4, id: 2, custom_id: 'opinion', value: 'great' } },
            { type: 18, id: 3, component: { type: 4, id: 4, custom_id: 'details', value: 'loud and clear' } },
          ],
        },
      }),
    ]);
    expect(answer).toMatchObject({
      interactionType: 'modal-submit',
      type: 4,
      response: { content: 'feedback: great / loud and clear' },
    });
    await sim.waitForMessage(guild.textChannelId, (m) => m.content === 'feedback: great / loud and clear');
  });

  it('THEN over HTTP a modal is submitted with an optional field left out, once only', async () => {
    const id = await modalOf('feedback');
    const submitted = await post('/_sim/modals', {
      userId: alice,
      interactionId: id,
      fields: { opinion: 'ok' },
    });
    expect(submitted.status).toBe(200);
    const answer = await sim.waitForInteractionResponse(((await submitted.json()) as { id: string }).id);
    expect(answer.response?.content).toBe('feedback: ok / -');

    const again = await post('/_sim/modals', { userId: alice, interactionId: id, fields: { opinion: 'ok' } });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ message: `the modal of interaction ${id} was already submitted` });
  });

  it('THEN a submission a user could not make is refused: missing, unknown, too long, not theirs, no modal', async () => {
    const id = await modalOf('feedback');
    const submit = (userId: string, fields: Record<string, string>) =>
      sim.submitModal({ userId, interactionId: id, fields });
    expect(() => submit(alice, { details: 'no opinion' })).toThrow(/text input opinion is required/);
    expect(() => submit(alice, { opinion: 'x', mood: 'happy' })).toThrow(/the modal has no text input mood/);
    expect(() => submit(alice, { opinion: 'x'.repeat(21) })).toThrow(/opinion takes at most 20 characters/);
    expect(() => submit(bob, { opinion: 'mine' })).toThrow(/only the user the modal was shown to/);
    const ping = sim.invokeCommand({ ...where(), command: 'ping' });
    await sim.waitForInteractionResponse(ping.id);
    const notModal = await post('/_sim/modals', { userId: alice, interactionId: ping.id, fields: {} });
    expect(notModal.status).toBe(404);
    // None of the refused ones counted as the submission.
    const accepted = submit(alice, { opinion: 'fine' });
    expect((await sim.waitForInteractionResponse(accepted.id)).response?.content).toBe('feedback: fine / -');
  });

  it('THEN a modal opened from a button, prefilled, updates the message the button sits on', async () => {
    const messageId = await replyOf('note');
    const edit = async (fields: Record<string, string>) => {
      const click = sim.clickComponent({ userId: alice, messageId, customId: 'edit-note' });
      const shown = await sim.waitForInteractionResponse(click.id);
      expect(shown).toMatchObject({
        interactionType: 'component',
        type: 9,
        modal: { custom_id: 'note-modal' },
      });
      const submitted = sim.submitModal({ userId: alice, interactionId: click.id, fields });
      return { shown, answer: await sim.waitForInteractionResponse(submitted.id) };
    };

    const first = await edit({ 'note-text': 'buy milk' });
    expect(first.answer).toMatchObject({
      interactionType: 'modal-submit',
      type: 7,
      response: { id: messageId, content: 'note: buy milk', editCount: 1 },
    });
    // Submitted untouched, the input keeps the value the bot prefilled.
    const second = await edit({});
    expect(JSON.stringify(second.shown.modal)).toContain('"value":"buy milk"');
    expect(second.answer.response).toMatchObject({ id: messageId, content: 'note: buy milk', editCount: 2 });
    expect(sim.channelMessages(guild.textChannelId).find((m) => m.id === messageId)).toMatchObject({
      content: 'note: buy milk',
      editCount: 2,
    });
    expect(bot.errors).toEqual([]);
  });
});
