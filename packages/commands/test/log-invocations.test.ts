import { describe, expect, it } from 'vitest';
import {
  Command,
  CommandDispatcher,
  CommandRegistry,
  MemoryRateLimitStore,
  checkPermissions,
  logInvocations,
  rateLimit,
  validateOptions,
  type CommandContext,
  type CommandHandler,
  type CommandInvocation,
} from '@discord-bot/commands';
import { fakeInvocation } from '@discord-bot/commands/testing';
import { capturedLog, type LogLine } from './support/captured-log.js';
import { BoomCommand, PlayCommand } from './support/sample-commands.js';

/** How long the slow command takes, ms: long enough that a duration of 0 cannot pass for it. */
const SLOW_COMMAND_MS = 60;
/** Timers may fire a millisecond early against `performance.now()`. */
const TIMER_SLACK_MS = 2;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

@Command({ name: 'slow', description: 'Takes its time' })
class SlowCommand implements CommandHandler {
  public async execute(context: CommandContext): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, SLOW_COMMAND_MS));
    await context.respond({ content: 'done' });
  }
}

/** The production order (logging outermost) with a real logger writing into memory. */
function loggedDispatcher(options: { correlationId?: (invocation: CommandInvocation) => string } = {}) {
  const log = capturedLog();
  const dispatcher = new CommandDispatcher({
    registry: new CommandRegistry().register(new SlowCommand(), new PlayCommand(), new BoomCommand()),
    logger: log.logger,
    middleware: [
      logInvocations(),
      rateLimit({ store: new MemoryRateLimitStore(), perUser: { uses: 2, windowMs: 60_000 } }),
      validateOptions(),
      checkPermissions({ djRoleId: () => Promise.resolve(null) }),
    ],
    ...options,
  });
  const finished = (): LogLine[] => log.lines().filter((line) => line['msg'] === 'command finished');
  return { dispatcher, lines: log.lines, finished };
}

describe('logInvocations', () => {
  it('GIVEN a command that succeeds THEN one line carries its correlation id, guild, command, user, outcome OK and duration', async () => {
    const { dispatcher, finished } = loggedDispatcher();
    await dispatcher.dispatch(fakeInvocation({ commandName: 'slow', userId: '101', guildId: '201' }));
    const [line, ...more] = finished();
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 'info',
      service: 'test',
      guildId: '201',
      command: 'slow',
      kind: 'command',
      userId: '101',
      outcome: 'OK',
    });
    expect(line?.['correlationId']).toMatch(UUID);
    expect(line?.['ms']).toBeGreaterThanOrEqual(SLOW_COMMAND_MS - TIMER_SLACK_MS);
  });

  it('GIVEN a refusal by a later step THEN the line names its code as the outcome', async () => {
    const { dispatcher, finished } = loggedDispatcher();
    const invocation = fakeInvocation({
      commandName: 'play',
      rawOptions: { query: 'x' },
      voice: { userChannelId: null, botChannelId: null },
    });
    await dispatcher.dispatch(invocation);
    expect(invocation.lastContent()).toContain('NOT_IN_VOICE');
    expect(finished()).toEqual([expect.objectContaining({ command: 'play', outcome: 'NOT_IN_VOICE' })]);
    expect(finished()[0]?.['ms']).toEqual(expect.any(Number));
  });

  it('GIVEN the user is rate limited THEN the refused invocation is logged too', async () => {
    const { dispatcher, finished } = loggedDispatcher();
    for (let i = 0; i < 3; i += 1) await dispatcher.dispatch(fakeInvocation({ commandName: 'slow' }));
    expect(finished().map((line) => line['outcome'])).toEqual(['OK', 'OK', 'RATE_LIMITED']);
  });

  it('GIVEN a handler that crashes THEN outcome INTERNAL, and the reference the user sees ends the logged correlation id', async () => {
    const { dispatcher, lines, finished } = loggedDispatcher();
    const invocation = fakeInvocation({ commandName: 'boom' });
    await dispatcher.dispatch(invocation);
    const [line] = finished();
    expect(line).toMatchObject({ command: 'boom', outcome: 'INTERNAL' });
    const correlationId = String(line?.['correlationId']);
    const reference = /ref (\S+)/.exec(invocation.lastContent())?.[1];
    expect(reference).toHaveLength(8);
    expect(correlationId.endsWith(reference ?? '?')).toBe(true);
    // The dispatcher's error line, with the error itself, shares the id.
    const failure = lines().find((entry) => entry['msg'] === 'command failed');
    expect(failure).toMatchObject({ level: 'error', correlationId, code: 'INTERNAL' });
  });

  it('GIVEN no correlation id source THEN every invocation gets its own id', async () => {
    const { dispatcher, finished } = loggedDispatcher();
    await dispatcher.dispatch(fakeInvocation({ commandName: 'slow' }));
    await dispatcher.dispatch(fakeInvocation({ commandName: 'slow' }));
    const ids = finished().map((line) => line['correlationId']);
    expect(new Set(ids).size).toBe(2);
  });

  it('GIVEN the interaction id as the correlation id source THEN the lines carry the interaction id', async () => {
    const { dispatcher, finished } = loggedDispatcher({ correlationId: (invocation) => invocation.id });
    await dispatcher.dispatch(fakeInvocation({ id: '1300000000000000001', commandName: 'slow' }));
    await dispatcher.dispatch(fakeInvocation({ id: '1300000000000000002', commandName: 'boom' }));
    expect(finished().map((line) => [line['correlationId'], line['outcome']])).toEqual([
      ['1300000000000000001', 'OK'],
      ['1300000000000000002', 'INTERNAL'],
    ]);
  });
});
