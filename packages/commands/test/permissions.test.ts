import { describe, expect, it } from 'vitest';
import { PermissionBits } from '@discord-bot/commands';
import { harness } from './support/dispatcher.js';
import { fakeInvocation } from '@discord-bot/commands/testing';

const lastContent = (invocation: ReturnType<typeof fakeInvocation>): string => {
  const last = invocation.sent.at(-1);
  return last && 'message' in last ? (last.message.content ?? '') : '';
};

describe('permission checks', () => {
  it('GIVEN a user in no voice channel THEN player controls are refused with NOT_IN_VOICE', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({
      commandName: 'volume',
      rawOptions: { percent: 50 },
      voice: { userChannelId: null, botChannelId: '400' },
    });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toContain('Join a voice channel first.');
  });

  it('GIVEN a user in another voice channel than the bot THEN it is refused with NOT_IN_SAME_VOICE', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({
      commandName: 'volume',
      rawOptions: { percent: 50 },
      voice: { userChannelId: '401', botChannelId: '400' },
    });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toContain('You need to be in my voice channel');
    expect(invocation.sent[0]).toMatchObject({ kind: 'reply', message: { ephemeral: true } });
  });

  it('GIVEN the bot is not connected THEN any voice channel will do', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({
      commandName: 'volume',
      rawOptions: { percent: 50 },
      voice: { userChannelId: '401', botChannelId: null },
    });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toBe('volume 50');
  });

  it('GIVEN a DJ role set THEN members without it are refused, members with it and administrators pass', async () => {
    const { dispatcher } = harness({ djRoleId: '900' });
    const plain = fakeInvocation({ commandName: 'move', rawOptions: { from: 1, to: 2 } });
    const dj = fakeInvocation({
      commandName: 'move',
      rawOptions: { from: 1, to: 2 },
      member: { roleIds: ['900'], permissions: 0n },
    });
    const admin = fakeInvocation({
      commandName: 'move',
      rawOptions: { from: 1, to: 2 },
      member: { roleIds: [], permissions: PermissionBits.Administrator },
    });
    for (const invocation of [plain, dj, admin]) await dispatcher.dispatch(invocation);
    expect(lastContent(plain)).toContain('Only members with the DJ role');
    expect(lastContent(dj)).toBe('moved');
    expect(lastContent(admin)).toBe('moved');
  });

  it('GIVEN no DJ role set THEN everyone may use DJ commands', async () => {
    const { dispatcher } = harness({ djRoleId: null });
    const invocation = fakeInvocation({ commandName: 'move', rawOptions: { from: 1, to: 2 } });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toBe('moved');
  });

  it('GIVEN a Discord permission requirement THEN members without the bit are refused, naming it', async () => {
    const { dispatcher } = harness({ premium: true });
    const without = fakeInvocation({ commandName: 'settings' });
    const withBit = fakeInvocation({
      commandName: 'settings',
      member: { roleIds: [], permissions: PermissionBits.ManageGuild },
    });
    await dispatcher.dispatch(without);
    await dispatcher.dispatch(withBit);
    expect(lastContent(without)).toContain('You need the ManageGuild permission');
    expect(lastContent(withBit)).toBe('saved');
  });

  it('GIVEN a premium command in a guild without the tier THEN the premium gate refuses', async () => {
    const { dispatcher } = harness({ premium: false });
    const invocation = fakeInvocation({
      commandName: 'settings',
      member: { roleIds: [], permissions: PermissionBits.Administrator },
    });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toContain('This needs the Pro tier');
  });

  it('GIVEN a DM (no guild) THEN guild-only commands are refused', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({ rawOptions: { query: 'x' }, guildId: null, member: null });
    await dispatcher.dispatch(invocation);
    expect(lastContent(invocation)).toContain('FORBIDDEN');
  });
});
