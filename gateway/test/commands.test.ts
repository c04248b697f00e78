import { afterEach, describe, expect, it } from 'vitest';
import type { CommandDispatcher } from '@discord-bot/commands';
import { createSilentLogger } from '@discord-bot/logger';
import { fakeInvocation } from '@discord-bot/commands/testing';
import { createCommandDispatcher } from '../src/application/commands/create-dispatcher.js';
import { fakePlayer, type FakePlayer } from './support/fake-player.js';
import { gatewayDispatcher } from './support/gateway-dispatcher.js';
import { MemoryRateLimitStore } from '@discord-bot/commands';

let player: FakePlayer;
let dispatcher: CommandDispatcher;

async function setUp(options: { silent?: boolean; djRoleId?: string; requestTimeoutMs?: number } = {}) {
  player = await fakePlayer(options);
  dispatcher = gatewayDispatcher(player.sender, options);
}

afterEach(async () => {
  await player.close();
});

async function run(commandName: string, rawOptions: Record<string, string | number> = {}, extra = {}) {
  const invocation = fakeInvocation({ commandName, rawOptions, ...extra });
  await dispatcher.dispatch(invocation);
  return invocation;
}

describe('the music commands over the command bus', () => {
  it('GIVEN /play with a URL THEN it defers, sends play with the voice and text channels, and says what plays', async () => {
    await setUp();
    const invocation = await run('play', { query: 'http://127.0.0.1/a440.wav', when: 'next' });
    expect(invocation.sent[0]).toEqual({ kind: 'defer', ephemeral: false });
    expect(player.received[0]).toMatchObject({
      type: 'play',
      guildId: '200',
      payload: {
        query: 'http://127.0.0.1/a440.wav',
        placement: 'next',
        voiceChannelId: '400',
        textChannelId: '300',
        requester: { userId: '100', displayName: 'alice' },
      },
    });
    expect(invocation.lastContent()).toContain('Playing now');
  });

  it.each([
    { name: 'an empty query', command: 'play', options: { query: '   ' }, reason: 'query cannot be empty' },
    {
      name: 'a 5,000-character query',
      command: 'play',
      options: { query: 'x'.repeat(5_000) },
      reason: 'query must be at most 500 characters',
    },
    {
      name: 'volume -5',
      command: 'volume',
      options: { percent: -5 },
      reason: 'percent must be between 0 and 200',
    },
    { name: 'volume 201', command: 'volume', options: { percent: 201 }, reason: 'between 0 and 200' },
    {
      name: 'volume "loud"',
      command: 'volume',
      options: { percent: 'loud' },
      reason: 'percent must be a number',
    },
    { name: 'seek abc', command: 'seek', options: { position: 'abc' }, reason: 'is not a time' },
    { name: 'move 0 999', command: 'move', options: { from: 0, to: 999 }, reason: 'from must be between 1' },
    { name: 'remove 0', command: 'remove', options: { position: 0 }, reason: 'position must be between 1' },
    { name: 'skip to 1.5', command: 'skip', options: { to: 1.5 }, reason: 'to must be a whole number' },
    {
      name: 'loop forever',
      command: 'loop',
      options: { mode: 'forever' },
      reason: 'mode must be one of off, track, queue',
    },
    { name: 'queue page -1', command: 'queue', options: { page: -1 }, reason: 'page must be between 1' },
  ])('GIVEN $name THEN an ephemeral INVALID_INPUT explains it and the player is never asked', async (c) => {
    await setUp();
    const invocation = await run(c.command, c.options);
    const last = invocation.sent.at(-1);
    expect(last).toMatchObject({ message: { ephemeral: true } });
    expect(invocation.lastContent()).toContain(c.reason);
    expect(invocation.lastContent()).toContain('INVALID_INPUT');
    expect(player.received).toEqual([]);
  });

  it('GIVEN /seek 1:23 THEN the player is asked for 83,000 ms', async () => {
    await setUp();
    const invocation = await run('seek', { position: '1:23' });
    expect(player.received[0]).toMatchObject({ type: 'seek', payload: { positionMs: 83_000 } });
    expect(invocation.lastContent()).toBe('⏩ Moved to 1:23 of 3:00.');
  });

  it('GIVEN /volume 50 THEN the answer shows the old and new volume', async () => {
    await setUp();
    expect((await run('volume', { percent: 50 })).lastContent()).toBe('🔊 Volume 100% → 50%.');
  });

  it('GIVEN /move to a position past the queue THEN the player refusal is shown with its code', async () => {
    await setUp();
    const invocation = await run('move', { from: 1, to: 999 });
    expect(invocation.lastContent()).toContain('Position 999 is outside the queue (1 to 3).');
    expect(invocation.lastContent()).toContain('POSITION_OUT_OF_RANGE');
  });

  it('GIVEN a user outside voice THEN /pause is refused privately and the player is never asked', async () => {
    await setUp();
    const invocation = await run('pause', {}, { voice: { userChannelId: null, botChannelId: '400' } });
    expect(invocation.lastContent()).toContain('Join a voice channel first.');
    expect(invocation.sent.at(-1)).toMatchObject({ kind: 'followUp', message: { ephemeral: true } });
    expect(player.received).toEqual([]);
  });

  it('GIVEN a user in another voice channel THEN /skip is refused with NOT_IN_SAME_VOICE', async () => {
    await setUp();
    const invocation = await run('skip', {}, { voice: { userChannelId: '401', botChannelId: '400' } });
    expect(invocation.lastContent()).toContain('NOT_IN_SAME_VOICE');
  });

  it('GIVEN a DJ role WHEN a member without it runs /stop THEN DJ_ONLY; an administrator passes', async () => {
    await setUp({ djRoleId: '999' });
    expect((await run('stop')).lastContent()).toContain('DJ_ONLY');
    const admin = await run('stop', {}, { member: { roleIds: [], permissions: 8n } });
    expect(admin.lastContent()).not.toContain('DJ_ONLY');
    expect(player.received.map((c) => c.type)).toEqual(['stop']);
  });

  it('GIVEN no audio service answering THEN the user reads "the player is not responding"', async () => {
    await setUp({ silent: true, requestTimeoutMs: 100 });
    const invocation = await run('pause');
    expect(invocation.lastContent()).toContain('The player is not responding');
    expect(invocation.lastContent()).toContain('PLAYER_UNAVAILABLE');
  });

  it('GIVEN /queue 2 THEN the page is shown with page buttons pointing at pages 1 and 3', async () => {
    await setUp();
    const invocation = await run('queue', { page: 2 });
    const last = invocation.sent.at(-1);
    const text = JSON.stringify(last);
    expect(text).toContain('"custom_id":"queue:1"');
    expect(text).toContain('"custom_id":"queue:3"');
    expect(text).toContain('Page 2 of 3');
  });

  it('GIVEN /nowplaying with nothing playing THEN NOTHING_PLAYING', async () => {
    await setUp();
    expect((await run('nowplaying')).lastContent()).toContain('NOTHING_PLAYING');
  });

  it('GIVEN autocomplete on /play THEN the typed text is suggested without deferring', async () => {
    await setUp({ silent: true });
    const invocation = await run(
      'play',
      { query: 'http://127.0.0.1/a.wav' },
      { kind: 'autocomplete', focusedOption: 'query' },
    );
    expect(invocation.sent).toEqual([
      { kind: 'choices', choices: [{ name: 'http://127.0.0.1/a.wav', value: 'http://127.0.0.1/a.wav' }] },
    ]);
  });
});

describe('/play autocomplete', () => {
  const autocomplete = (query: string) =>
    run('play', { query }, { kind: 'autocomplete', focusedOption: 'query' });

  it('GIVEN a plain query THEN the typed text comes first, then search results that fit Discord, then queued matches', async () => {
    await setUp();
    const invocation = await autocomplete('next');
    expect(player.received.find((command) => command.type === 'search')?.payload).toEqual({
      query: 'next',
      limit: 24,
    });
    const sent = invocation.sent[0] as { kind: string; choices: { name: string; value: string }[] };
    expect(sent.kind).toBe('choices');
    expect(sent.choices).toEqual([
      { name: 'next', value: 'next' },
      { name: 'next song — Tone Generator (1:05)', value: 'http://127.0.0.1/next.wav' },
      {
        name: `${'L'.repeat(150)} — Tone Generator (1:05)`.slice(0, 99) + '…',
        value: `local:${'L'.repeat(20)}`,
      },
      { name: 'next-up — Tone Generator', value: 'http://127.0.0.1/next-up.wav' },
    ]);
    for (const choice of sent.choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('GIVEN the search fails THEN the typed text and the queued matches are still suggested, never an error', async () => {
    await setUp();
    const invocation = await autocomplete('broken');
    expect(invocation.sent).toEqual([{ kind: 'choices', choices: [{ name: 'broken', value: 'broken' }] }]);
    expect(player.received.map((command) => command.type).sort()).toEqual(['queuePage', 'search']);
  });

  it('GIVEN no audio service answers THEN the typed text alone is suggested within the 3 s Discord allows', async () => {
    await setUp({ silent: true });
    const started = Date.now();
    const invocation = await autocomplete('lofi');
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(invocation.sent).toEqual([{ kind: 'choices', choices: [{ name: 'lofi', value: 'lofi' }] }]);
  });
});

describe('the command registry', () => {
  it('THEN it registers the eighteen commands with a stable fingerprint', () => {
    const make = () =>
      createCommandDispatcher({
        services: { bus: { request: () => Promise.reject(new Error('unused')) }, requestTimeoutMs: 1 },
        logger: createSilentLogger(),
        rateLimits: new MemoryRateLimitStore(),
        guildPolicy: { djRoleId: () => Promise.resolve(null) },
        premiumPolicy: { allows: () => Promise.resolve({ allowed: true }) },
      }).registry;
    const registry = make();
    expect(registry.toDiscordJSON().map((c) => c.name)).toEqual([
      'clear',
      'join',
      'leave',
      'loop',
      'move',
      'nowplaying',
      'pause',
      'play',
      'previous',
      'queue',
      'remove',
      'replay',
      'resume',
      'seek',
      'shuffle',
      'skip',
      'stop',
      'volume',
    ]);
    expect(make().fingerprint()).toBe(registry.fingerprint());
  });
});
