import { describe, expect, it } from 'vitest';
import { composeMiddleware, type CommandContext } from '@discord-bot/commands';
import { harness } from './support/dispatcher.js';
import { fakeInvocation } from '@discord-bot/commands/testing';

const contentOf = (sent: { kind: string; message?: { content?: string } }[]): string =>
  sent.map((s) => s.message?.content ?? '').join('|');

describe('command pipeline', () => {
  it('GIVEN a valid /play THEN it defers first, then edits the deferred reply', async () => {
    const { dispatcher, play, outcomes } = harness();
    const invocation = fakeInvocation({ rawOptions: { query: '  never gonna  ' } });
    await dispatcher.dispatch(invocation);
    expect(invocation.sent[0]).toEqual({ kind: 'defer', ephemeral: false });
    expect(invocation.sent[1]).toEqual({ kind: 'editReply', message: { content: 'queued never gonna' } });
    expect(play.executed).toEqual(['never gonna']);
    expect(outcomes).toEqual(['play:OK']);
  });

  it.each([
    ['an empty query', 'play', { query: '   ' }, 'query cannot be empty'],
    ['a 5,000-character query', 'play', { query: 'a'.repeat(5000) }, 'query must be at most 500 characters'],
    ['a missing query', 'play', {}, 'query is required'],
    ['volume -5', 'volume', { percent: -5 }, 'percent must be between 0 and 200'],
    ['volume 201', 'volume', { percent: 201 }, 'percent must be between 0 and 200'],
    ['volume 1.5', 'volume', { percent: 1.5 }, 'percent must be a whole number'],
    ['volume "loud"', 'volume', { percent: 'loud' }, 'percent must be a number'],
    ['seek abc', 'seek', { position: 'abc' }, '"abc" is not a time'],
    ['move 0 999', 'move', { from: 0, to: 999 }, 'from must be between 1 and any'],
    ['move 1 999', 'move', { from: 1, to: 999 }, 'to is past the end of the queue'],
    [
      'a choice outside the list',
      'play',
      { query: 'x', placement: 'sideways' },
      'placement must be one of end, next',
    ],
  ])(
    'GIVEN %s THEN the user gets an ephemeral INVALID_INPUT and the handler does not run',
    async (_case, command, rawOptions, reason) => {
      const { dispatcher, play, outcomes } = harness();
      const invocation = fakeInvocation({ commandName: command, rawOptions });
      await dispatcher.dispatch(invocation);
      const last = invocation.sent.at(-1);
      expect(last && 'message' in last ? last.message.content : '').toContain(reason);
      expect(contentOf(invocation.sent)).toContain('INVALID_INPUT');
      expect(play.executed).toEqual([]);
      expect(outcomes).toEqual([`${command}:INVALID_INPUT`]);
    },
  );

  it('GIVEN an ephemeral error after a public defer THEN it goes out as an ephemeral follow-up', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({
      rawOptions: { query: 'x' },
      voice: { userChannelId: null, botChannelId: null },
    });
    await dispatcher.dispatch(invocation);
    expect(invocation.sent.map((s) => s.kind)).toEqual(['defer', 'followUp']);
    expect(invocation.sent[1]).toMatchObject({ message: { ephemeral: true } });
  });

  it('GIVEN seek 1:23 THEN the handler gets milliseconds', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({ commandName: 'seek', rawOptions: { position: '1:23' } });
    await dispatcher.dispatch(invocation);
    expect(contentOf(invocation.sent)).toBe('seek 83000');
  });

  it('GIVEN an unknown command or button id THEN the user is told, nothing throws', async () => {
    const { dispatcher, outcomes } = harness();
    const invocation = fakeInvocation({ commandName: 'player:explode', kind: 'component' });
    await dispatcher.dispatch(invocation);
    expect(contentOf(invocation.sent)).toContain('That command does not exist.');
    expect(invocation.sent[0]).toMatchObject({ kind: 'reply', message: { ephemeral: true } });
    expect(outcomes).toEqual(['player:explode:NOT_FOUND']);
  });

  it('GIVEN a handler that crashes THEN the user sees a generic message with a reference, never the error text', async () => {
    const { dispatcher, outcomes } = harness();
    const invocation = fakeInvocation({ commandName: 'boom' });
    await dispatcher.dispatch(invocation);
    const text = contentOf(invocation.sent);
    expect(text).toContain('Something went wrong on our side');
    expect(text).toMatch(/ref [0-9a-f]{8}/);
    expect(text).not.toMatch(/database|secret|postgres|at /);
    expect(outcomes).toEqual(['boom:INTERNAL']);
  });

  it('GIVEN autocomplete THEN choices are capped at 25 and no validation or rate limit applies', async () => {
    const { dispatcher } = harness({ limits: { perUser: { uses: 1, windowMs: 60_000 } } });
    for (let i = 0; i < 3; i += 1) {
      const invocation = fakeInvocation({
        kind: 'autocomplete',
        rawOptions: { query: 'ab' },
        focusedOption: 'query',
      });
      await dispatcher.dispatch(invocation);
      const sent = invocation.sent[0];
      expect(sent?.kind).toBe('choices');
      expect(sent && 'choices' in sent ? sent.choices : []).toHaveLength(25);
    }
  });

  it('GIVEN a reply channel that fails THEN dispatch still resolves', async () => {
    const { dispatcher } = harness();
    const invocation = fakeInvocation({ commandName: 'boom' });
    invocation.reply = () => Promise.reject(new Error('Unknown interaction'));
    await expect(dispatcher.dispatch(invocation)).resolves.toBeUndefined();
  });

  it('GIVEN middleware that calls next twice THEN the pipeline refuses', async () => {
    const run = composeMiddleware(
      [
        async (_c, next) => {
          await next();
          await next();
        },
      ],
      () => Promise.resolve(),
    );
    await expect(run({} as CommandContext)).rejects.toThrow('next() called more than once');
  });
});
