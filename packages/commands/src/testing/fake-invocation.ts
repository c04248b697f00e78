import type {
  AutocompleteChoice,
  CommandInvocation,
  ReplyMessage,
} from '../invocation/command-invocation.js';

/** Every answer a fake invocation received, in order. */
export type Sent =
  | { kind: 'reply' | 'editReply' | 'followUp'; message: ReplyMessage }
  | { kind: 'defer'; ephemeral: boolean }
  | { kind: 'choices'; choices: readonly AutocompleteChoice[] };

export interface FakeInvocation extends CommandInvocation {
  readonly sent: Sent[];
  /** The last text shown to the user. */
  lastContent(): string;
}

/**
 * An in-memory {@link CommandInvocation} for tests (the seam the gateway fills from discord.js), recording
 * answers and enforcing Discord's rules: one first response, edits only after it.
 */
export function fakeInvocation(
  overrides: Partial<Omit<CommandInvocation, 'reply' | 'defer' | 'editReply' | 'followUp'>> = {},
): FakeInvocation {
  const sent: Sent[] = [];
  let responded = false;
  let deferred = false;
  const first = (): void => {
    if (responded) throw new Error('interaction already acknowledged');
    responded = true;
  };
  return {
    id: '1',
    kind: 'command',
    commandName: 'play',
    rawOptions: {},
    userId: '100',
    userDisplayName: 'alice',
    guildId: '200',
    channelId: '300',
    member: { roleIds: [], permissions: 0n },
    voice: { userChannelId: '400', botChannelId: '400' },
    locale: 'en-US',
    createdAt: Date.now(),
    ...overrides,
    sent,
    lastContent() {
      for (const entry of [...sent].reverse()) {
        if ('message' in entry) return entry.message.content ?? '';
      }
      return '';
    },
    get responded() {
      return responded;
    },
    get deferred() {
      return deferred;
    },
    reply(message) {
      first();
      sent.push({ kind: 'reply', message });
      return Promise.resolve();
    },
    defer(options) {
      first();
      deferred = true;
      sent.push({ kind: 'defer', ephemeral: options?.ephemeral ?? false });
      return Promise.resolve();
    },
    editReply(message) {
      if (!responded) throw new Error('no reply to edit');
      sent.push({ kind: 'editReply', message });
      return Promise.resolve();
    },
    followUp(message) {
      if (!responded) throw new Error('no reply to follow');
      sent.push({ kind: 'followUp', message });
      return Promise.resolve();
    },
    respondChoices(choices) {
      first();
      sent.push({ kind: 'choices', choices });
      return Promise.resolve();
    },
  };
}
