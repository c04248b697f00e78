import { describe, expect, it } from 'vitest';
import { identifiersFor } from '../src/commands/search-sources.js';
import { toBackendEvent } from '../src/lavalink/backend-events.js';
import { parseLoadResult } from '../src/lavalink/load-outcome.js';
import { reconnectDelayMs } from '../src/lavalink/reconnect-delay.js';
import { describeFailure } from '../src/player/failure-reason.js';
import { GuildMutex } from '../src/player/guild-mutex.js';
import { VoiceRoster } from '../src/voice/voice-roster.js';

const track = (title: string) => ({
  encoded: `enc-${title}`,
  info: {
    identifier: title,
    title,
    author: 'a',
    length: 1_000,
    isStream: false,
    isSeekable: true,
    sourceName: 'http',
  },
  pluginInfo: {},
});

describe('search sources', () => {
  it('GIVEN a URL THEN it is loaded as is', () => {
    expect(identifiersFor(' https://x.test/a.mp3 ', new Set())).toEqual({
      ok: true,
      value: ['https://x.test/a.mp3'],
    });
  });
  it('GIVEN a prefix whose source the node lacks THEN the answer says it is unavailable', () => {
    const result = identifiersFor('ytsearch:song', new Set(['http', 'local']));
    expect(result.ok ? null : result.error).toMatch(/YouTube/);
  });
  it('GIVEN a plain query THEN every available source is tried in order, once each', () => {
    expect(identifiersFor('song', new Set(['local', 'youtube', 'soundcloud']))).toEqual({
      ok: true,
      value: ['ytsearch:song', 'scsearch:song', 'local:song'],
    });
  });
  it("GIVEN a guild's default search source THEN a plain query tries it first, then the others in order", () => {
    const available = new Set(['local', 'youtube', 'soundcloud']);
    expect(identifiersFor('song', available, 'local')).toEqual({
      ok: true,
      value: ['local:song', 'ytsearch:song', 'scsearch:song'],
    });
    expect(identifiersFor('song', available, 'youtubemusic')).toEqual({
      ok: true,
      value: ['ytmsearch:song', 'scsearch:song', 'local:song'],
    });
  });
  it('GIVEN a default search source the nodes lack THEN a plain query falls back to the available ones', () => {
    expect(identifiersFor('song', new Set(['local', 'soundcloud']), 'spotify')).toEqual({
      ok: true,
      value: ['scsearch:song', 'local:song'],
    });
  });
  it('GIVEN a default search source THEN a prefixed search or URL still goes where it says', () => {
    const available = new Set(['local', 'youtube']);
    expect(identifiersFor('ytsearch:song', available, 'local')).toEqual({
      ok: true,
      value: ['ytsearch:song'],
    });
    expect(identifiersFor('https://x.test/a.mp3', available, 'local')).toEqual({
      ok: true,
      value: ['https://x.test/a.mp3'],
    });
  });
  it('GIVEN no search source THEN a plain query is refused', () => {
    expect(identifiersFor('song', new Set(['http'])).ok).toBe(false);
  });
});

describe('Lavalink protocol at the edge', () => {
  it('GIVEN each load type THEN it reads as a typed outcome; empty data is null', () => {
    expect(parseLoadResult({ loadType: 'empty', data: null })).toEqual({ kind: 'empty' });
    expect(parseLoadResult({ loadType: 'track', data: track('a') })).toMatchObject({
      kind: 'track',
      tracks: [{ encoded: 'enc-a' }],
    });
    expect(
      parseLoadResult({
        loadType: 'playlist',
        data: { info: { name: 'P', selectedTrack: -1 }, pluginInfo: {}, tracks: [track('a'), track('b')] },
      }),
    ).toMatchObject({ kind: 'playlist', name: 'P', tracks: [{}, {}] });
    expect(
      parseLoadResult({ loadType: 'error', data: { message: 'blocked', severity: 'common', cause: '' } }),
    ).toEqual({
      kind: 'error',
      message: 'blocked',
      severity: 'common',
    });
    expect(parseLoadResult('garbage').kind).toBe('error');
  });
  it('GIVEN node events THEN track events are translated and other ops ignored', () => {
    expect(
      toBackendEvent({
        op: 'event',
        type: 'TrackEndEvent',
        guildId: '1',
        track: track('a'),
        reason: 'finished',
      }),
    ).toEqual({
      type: 'trackEnd',
      guildId: '1',
      encoded: 'enc-a',
      reason: 'finished',
    });
    expect(toBackendEvent({ op: 'playerUpdate', guildId: '1' })).toBeUndefined();
    expect(
      toBackendEvent({
        op: 'event',
        type: 'TrackEndEvent',
        guildId: '1',
        track: track('a'),
        reason: 'weird',
      }),
    ).toBeUndefined();
  });
});

describe('failure reasons', () => {
  it('GIVEN source messages THEN users read blocked, region, unavailable, or the message shortened', () => {
    expect(describeFailure('Sign in to confirm you’re not a bot')).toBe('the source blocked playback');
    expect(describeFailure('This video is not available in your country')).toBe(
      'not available in this region',
    );
    expect(describeFailure('HTTP 404 from source')).toBe('the source says it is unavailable');
    expect(describeFailure('x'.repeat(400)).length).toBeLessThanOrEqual(150);
  });
});

describe('GuildMutex', () => {
  it('GIVEN tasks of one guild THEN they run one at a time in order, other guilds in parallel, and a failure does not block', async () => {
    const mutex = new GuildMutex();
    const log: string[] = [];
    const slow = (name: string, ms: number) => async () => {
      log.push(`${name}>`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`${name}<`);
    };
    const a1 = mutex.run('a', slow('a1', 30));
    const failing = mutex.run('a', () => Promise.reject(new Error('boom')));
    const a2 = mutex.run('a', slow('a2', 1));
    const b1 = mutex.run('b', slow('b1', 1));
    await Promise.all([a1, a2, b1, failing.catch(() => undefined)]);
    expect(log.indexOf('a1<')).toBeLessThan(log.indexOf('a2>'));
    expect(log.indexOf('b1<')).toBeLessThan(log.indexOf('a1<'));
    await expect(failing).rejects.toThrow('boom');
  });
});

describe('VoiceRoster', () => {
  it('GIVEN no full roster of a guild THEN the bot is never alone there, whatever single moves were heard', () => {
    const roster = new VoiceRoster();
    // Only a move elsewhere was heard: alice, who sat down before, is unknown, so this says nothing.
    roster.update('g', 'bob', 'other');
    expect(roster.knows('g')).toBe(false);
    expect(roster.isAlone('g', 'c')).toBe(false);
  });

  it('GIVEN a full roster THEN the moves after it count, and the last listener leaving leaves the bot alone', () => {
    const roster = new VoiceRoster();
    roster.replace('g', [{ userId: 'alice', channelId: 'c' }]);
    roster.update('g', 'bob', 'other');
    expect(roster.isAlone('g', 'c')).toBe(false);
    roster.update('g', 'alice', null);
    expect(roster.isAlone('g', 'c')).toBe(true);
    roster.replace('g', [{ userId: 'carol', channelId: 'c' }]);
    expect(roster.isAlone('g', 'c')).toBe(false);
    roster.forget('g');
    expect(roster.knows('g')).toBe(false);
    expect(roster.isAlone('g', 'c')).toBe(false);
  });
});

describe('reconnectDelayMs', () => {
  it('GIVEN failed attempts to a lost node THEN the pause doubles from the first and stays at the cap', () => {
    const pauses = [0, 1, 2, 3, 4, 5, 50, 5_000].map((attempt) => reconnectDelayMs(attempt, 1_000, 10_000));
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000, 10_000]);
  });
});
