import type { CommandDispatcher, CommandInvocation } from '@discord-bot/commands';
import { createSilentLogger } from '@discord-bot/logger';
import { MessageFlags, type Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { VoiceStateStore } from '../src/domain/services/voice-state-store.js';
import { routeInteraction } from '../src/presentation/controllers/interaction-router.js';

/** The slice of a discord.js button interaction the router and the adapter read. */
function button(customId: string) {
  const calls: { kind: string; options?: unknown }[] = [];
  const interaction = {
    id: '1',
    customId,
    user: { id: '100', displayName: 'alice' },
    member: null,
    memberPermissions: null,
    guild: null,
    guildId: '200',
    channelId: '300',
    locale: 'en-US',
    createdTimestamp: Date.now(),
    replied: false,
    deferred: false,
    isChatInputCommand: () => false,
    isAutocomplete: () => false,
    isButton: () => true,
    reply: (options: unknown) => Promise.resolve(void calls.push({ kind: 'reply', options })),
    deferReply: (options: unknown) => {
      interaction.deferred = true;
      return Promise.resolve(void calls.push({ kind: 'deferReply', options }));
    },
    deferUpdate: () => {
      interaction.deferred = true;
      return Promise.resolve(void calls.push({ kind: 'deferUpdate' }));
    },
  };
  return { interaction: interaction as unknown as Interaction, calls };
}

function recordingDispatcher() {
  const dispatched: CommandInvocation[] = [];
  const dispatcher = {
    dispatch: (invocation: CommandInvocation) => Promise.resolve(void dispatched.push(invocation)),
  } as unknown as CommandDispatcher;
  return { dispatcher, dispatched };
}

const options = (dispatcher: CommandDispatcher) => ({
  dispatcher,
  logger: createSilentLogger(),
  voiceStates: new VoiceStateStore(),
});

describe('routeInteraction', () => {
  it.each(['bogus', 'np:volume', 'queue:0', 'np:loop:forever', ''])(
    'GIVEN the unknown button id %j THEN an ephemeral "does not exist" and nothing dispatched',
    async (customId) => {
      const { interaction, calls } = button(customId);
      const { dispatcher, dispatched } = recordingDispatcher();
      await routeInteraction(interaction, '999', options(dispatcher));
      expect(dispatched).toEqual([]);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        kind: 'reply',
        options: {
          flags: MessageFlags.Ephemeral,
          content: expect.stringContaining('That button does not exist') as unknown,
        },
      });
    },
  );

  it('GIVEN a now-playing button THEN it is acknowledged privately first and dispatched as its command', async () => {
    const { interaction, calls } = button('np:loop:queue');
    const { dispatcher, dispatched } = recordingDispatcher();
    await routeInteraction(interaction, '999', options(dispatcher));
    expect(calls).toEqual([{ kind: 'deferReply', options: { flags: MessageFlags.Ephemeral } }]);
    expect(dispatched[0]).toMatchObject({
      kind: 'component',
      commandName: 'loop',
      rawOptions: { mode: 'queue' },
    });
    expect(dispatched[0]?.responded).toBe(true);
  });

  it('GIVEN a queue page button THEN the message it sits on is updated', async () => {
    const { interaction, calls } = button('queue:2');
    const { dispatcher, dispatched } = recordingDispatcher();
    await routeInteraction(interaction, '999', options(dispatcher));
    expect(calls).toEqual([{ kind: 'deferUpdate' }]);
    expect(dispatched[0]).toMatchObject({ commandName: 'queue', rawOptions: { page: 2 } });
  });
});
