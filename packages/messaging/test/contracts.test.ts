import { ok } from '@discord-bot/errors';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_CONTRACTS,
  TO_AUDIO_CHANNEL,
  TO_DISCORD_CHANNEL,
  UI_NOW_CHANNEL,
  commandError,
  createEnvelope,
  dispatchByType,
  parseCommand,
  playCommand,
  queuePageCommand,
  searchCommand,
  toUserError,
  uiNowEventSchema,
  userCommandError,
  type CommandHandlers,
} from '../src/index.js';
import { GUILD_A, TEXT, USER, VOICE, track } from './support/fixtures.js';

const requester = { userId: USER, displayName: 'Tester' };

function command(type: string, payload: unknown) {
  return { ...createEnvelope(type, payload, { guildId: GUILD_A }), deadlineAt: Date.now() + 1_000 };
}

describe('command contracts', () => {
  it('GIVEN a play payload without placement THEN it defaults to the end of the queue', () => {
    const parsed = playCommand.payload.parse({
      query: ' lofi ',
      requester,
      voiceChannelId: VOICE,
      textChannelId: TEXT,
    });
    expect(parsed.placement).toBe('end');
    expect(parsed.query).toBe('lofi');
  });

  it.each([
    ['an empty query', { query: '   ' }],
    ['a 5,000-character query', { query: 'a'.repeat(5_000) }],
    ['an unknown placement', { query: 'x', placement: 'later' }],
    ['no query at all', {}],
  ])('GIVEN %s THEN play rejects it', (_name, override) => {
    const payload = { requester, voiceChannelId: VOICE, textChannelId: TEXT, ...override };
    expect(playCommand.payload.safeParse(payload).success).toBe(false);
  });

  it('GIVEN a queue page request without page THEN page 1 of 10 is asked', () => {
    expect(queuePageCommand.payload.parse({})).toEqual({ page: 1, pageSize: 10 });
  });

  it('GIVEN a search without limit THEN it asks for 25 results; more than 25 or an empty query is refused', () => {
    expect(searchCommand.payload.parse({ query: ' lofi ' })).toEqual({ query: 'lofi', limit: 25 });
    expect(searchCommand.payload.safeParse({ query: 'lofi', limit: 26 }).success).toBe(false);
    expect(searchCommand.payload.safeParse({ query: 'lofi', limit: 0 }).success).toBe(false);
    expect(searchCommand.payload.safeParse({ query: '  ' }).success).toBe(false);
  });

  it('GIVEN a search result without the query that plays it THEN the result is refused', () => {
    const result = {
      title: 'Song',
      author: 'Artist',
      durationMs: 180_000,
      isStream: false,
      sourceName: 'youtube',
      uri: 'https://www.youtube.com/watch?v=x',
    };
    expect(searchCommand.result.safeParse({ results: [{ ...result, playQuery: result.uri }] }).success).toBe(
      true,
    );
    expect(searchCommand.result.safeParse({ results: [result] }).success).toBe(false);
  });

  it.each([
    ['volume', { volume: -5 }, false],
    ['volume', { volume: 0 }, true],
    ['volume', { volume: 200 }, true],
    ['volume', { volume: 200.5 }, false],
    ['move', { from: 0, to: 999 }, false],
    ['seek', { positionMs: -1 }, false],
    ['loop', { mode: 'queue' }, true],
    ['loop', { mode: 'forever' }, false],
    ['skip', {}, true],
    ['skip', { to: 0 }, false],
  ] as const)('GIVEN %s %j THEN valid is %s', (type, payload, valid) => {
    expect(COMMAND_CONTRACTS[type].payload.safeParse(payload).success).toBe(valid);
  });
});

describe('parseCommand', () => {
  it('GIVEN a valid command THEN it returns it with defaults applied', () => {
    const result = parseCommand(command('queuePage', { page: 2 }));
    expect(result.ok && result.value.type === 'queuePage' && result.value.payload).toEqual({
      page: 2,
      pageSize: 10,
    });
  });

  it('GIVEN an unknown type THEN it is rejected as unknown with its id', () => {
    const raw = command('explode', {});
    expect(parseCommand(raw)).toEqual({
      ok: false,
      error: { reason: 'unknown-type', id: raw.id, detail: 'unknown command type "explode"' },
    });
  });

  it('GIVEN a bad payload THEN it is rejected as malformed, naming the field', () => {
    const result = parseCommand(command('volume', { volume: 'loud' }));
    expect(!result.ok && result.error.reason).toBe('malformed');
    expect(!result.ok && result.error.detail).toContain('volume');
  });

  it('GIVEN something that is not an envelope THEN it is rejected without an id', () => {
    for (const raw of [null, 42, 'text', [], { id: 7 }]) {
      const result = parseCommand(raw);
      expect(!result.ok && result.error).toMatchObject({ reason: 'malformed', id: undefined });
    }
  });
});

describe('command errors', () => {
  it('GIVEN a timeout THEN users are told the player is not responding', () => {
    const error = toUserError(commandError('timeout', 'no reply'));
    expect(error.code).toBe('PLAYER_UNAVAILABLE');
    expect(error.message).toBe('The player is not responding, try again in a moment.');
  });

  it('GIVEN an expired command THEN users are told it was dropped', () => {
    expect(toUserError(commandError('expired', 'late')).code).toBe('COMMAND_EXPIRED');
  });

  it('GIVEN a user error with context THEN its catalog message is filled in both ways', () => {
    const error = userCommandError('QUEUE_FULL', { max: 500 });
    expect(error).toEqual({
      code: 'QUEUE_FULL',
      message: 'The queue is full (500 tracks).',
      context: { max: 500 },
    });
    expect(toUserError(error).message).toBe('The queue is full (500 tracks).');
  });
});

describe('ui:now events', () => {
  it('GIVEN a track start event THEN it round-trips through JSON and the channel schema', () => {
    const event = createEnvelope(
      'track.start',
      { track: track('Song'), queueLength: 3, textChannelId: TEXT },
      { guildId: GUILD_A, correlationId: 'corr-1' },
    );
    expect(UI_NOW_CHANNEL.schema.parse(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('GIVEN an event of another channel THEN the ui:now schema rejects it', () => {
    const event = createEnvelope('voice.server', { token: 't', endpoint: null }, { guildId: GUILD_A });
    expect(uiNowEventSchema.safeParse(event).success).toBe(false);
  });
});

describe('voice rosters', () => {
  it('GIVEN a roster request and its answer THEN each round-trips through JSON and its channel schema', () => {
    const request = createEnvelope('voice.roster.request', {}, { guildId: GUILD_A });
    expect(TO_DISCORD_CHANNEL.schema.parse(JSON.parse(JSON.stringify(request)))).toEqual(request);
    const roster = createEnvelope(
      'voice.roster',
      { members: [{ userId: USER, channelId: VOICE, isBot: false }] },
      { guildId: GUILD_A, correlationId: request.correlationId },
    );
    expect(TO_AUDIO_CHANNEL.schema.parse(JSON.parse(JSON.stringify(roster)))).toEqual(roster);
  });

  it('GIVEN a roster member outside a voice channel THEN the roster is refused', () => {
    const roster = createEnvelope(
      'voice.roster',
      { members: [{ userId: USER, channelId: null, isBot: false }] },
      { guildId: GUILD_A },
    );
    expect(TO_AUDIO_CHANNEL.schema.safeParse(roster).success).toBe(false);
  });
});

describe('dispatchByType', () => {
  it('GIVEN a handler per type THEN each command reaches its own', async () => {
    const seen: string[] = [];
    const handlers = Object.fromEntries(
      Object.keys(COMMAND_CONTRACTS).map((type) => [
        type,
        () => {
          seen.push(type);
          return Promise.resolve(ok({}));
        },
      ]),
    ) as unknown as CommandHandlers;
    const handle = dispatchByType(handlers);

    const parsed = parseCommand(command('shuffle', {}));
    if (!parsed.ok) throw new Error('fixture must parse');
    await handle(parsed.value, { redelivered: false });

    expect(seen).toEqual(['shuffle']);
  });
});
