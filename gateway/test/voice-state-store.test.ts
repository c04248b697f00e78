import { describe, expect, it } from 'vitest';
import { VoiceStateStore } from '../src/domain/services/voice-state-store.js';

const BOT = '900';
const GUILD = '100';
const OTHER_GUILD = '101';
const VOICE_A = '200';
const VOICE_B = '201';

/** A store whose shard 0 carries GUILD, with alice (300) in VOICE_A. */
function storeWithAlice(): VoiceStateStore {
  const store = new VoiceStateStore();
  store.sessionStarted(0, [GUILD], BOT);
  store.guildAvailable(0, GUILD, [{ userId: '300', channelId: VOICE_A, isBot: false }]);
  return store;
}

describe('VoiceStateStore', () => {
  it('GIVEN READY THEN its guilds are carried but unavailable: no voice members until GUILD_CREATE', () => {
    const store = new VoiceStateStore();
    store.sessionStarted(0, [GUILD, OTHER_GUILD], BOT);
    expect(store.guildCount).toBe(2);
    expect(store.hasGuild(GUILD)).toBe(true);
    expect(store.voiceMembers(GUILD)).toBeUndefined();
    store.guildAvailable(0, GUILD, []);
    expect(store.voiceMembers(GUILD)).toEqual([]);
  });

  it('GIVEN a guild arriving with voice states THEN each member is found in their channel', () => {
    const store = new VoiceStateStore();
    store.sessionStarted(0, [GUILD], BOT);
    store.guildAvailable(0, GUILD, [
      { userId: '300', channelId: VOICE_A, isBot: false },
      { userId: '301', channelId: VOICE_B, isBot: false },
    ]);
    expect(store.channelOf(GUILD, '300')).toBe(VOICE_A);
    expect(store.channelOf(GUILD, '301')).toBe(VOICE_B);
    expect(store.channelOf(GUILD, '302')).toBeNull();
    expect(store.membersIn(GUILD, VOICE_A)).toEqual([{ userId: '300', channelId: VOICE_A, isBot: false }]);
  });

  it('GIVEN someone joining, moving and leaving THEN their channel follows each update', () => {
    const store = storeWithAlice();
    store.voiceStateChanged(GUILD, '301', VOICE_A, false);
    expect(
      store
        .membersIn(GUILD, VOICE_A)
        .map((m) => m.userId)
        .sort(),
    ).toEqual(['300', '301']);

    store.voiceStateChanged(GUILD, '301', VOICE_B, false);
    expect(store.channelOf(GUILD, '301')).toBe(VOICE_B);
    expect(store.membersIn(GUILD, VOICE_A).map((m) => m.userId)).toEqual(['300']);

    store.voiceStateChanged(GUILD, '301', null, false);
    store.voiceStateChanged(GUILD, '300', null, false);
    expect(store.channelOf(GUILD, '301')).toBeNull();
    expect(store.voiceMembers(GUILD)).toEqual([]);
  });

  it('GIVEN the bot itself THEN it is listed as a bot whatever the payload says', () => {
    const store = storeWithAlice();
    store.voiceStateChanged(GUILD, BOT, VOICE_A, false);
    store.voiceStateChanged(GUILD, '302', VOICE_A, true);
    expect(store.membersIn(GUILD, VOICE_A)).toEqual(
      expect.arrayContaining([
        { userId: '300', channelId: VOICE_A, isBot: false },
        { userId: BOT, channelId: VOICE_A, isBot: true },
        { userId: '302', channelId: VOICE_A, isBot: true },
      ]),
    );
  });

  it('GIVEN a voice update for a guild no shard here carries THEN nothing is recorded', () => {
    const store = storeWithAlice();
    store.voiceStateChanged(OTHER_GUILD, '300', VOICE_A, false);
    expect(store.hasGuild(OTHER_GUILD)).toBe(false);
    expect(store.channelOf(OTHER_GUILD, '300')).toBeNull();
  });

  it('GIVEN the bot removed from a guild THEN the guild and its voice states are gone', () => {
    const store = storeWithAlice();
    store.guildRemoved(GUILD);
    expect(store.hasGuild(GUILD)).toBe(false);
    expect(store.guildCount).toBe(0);
    expect(store.channelOf(GUILD, '300')).toBeNull();
    expect(store.voiceMembers(GUILD)).toBeUndefined();
  });

  it('GIVEN an outage THEN the guild stays carried with its last states, without a roster, until it returns', () => {
    const store = storeWithAlice();
    store.guildUnavailable(0, GUILD);
    expect(store.hasGuild(GUILD)).toBe(true);
    expect(store.channelOf(GUILD, '300')).toBe(VOICE_A);
    expect(store.voiceMembers(GUILD)).toBeUndefined();

    // Back with its state as it is now: alice left meanwhile, bob joined.
    store.guildAvailable(0, GUILD, [{ userId: '301', channelId: VOICE_B, isBot: false }]);
    expect(store.channelOf(GUILD, '300')).toBeNull();
    expect(store.voiceMembers(GUILD)).toEqual([{ userId: '301', channelId: VOICE_B, isBot: false }]);
  });

  it('GIVEN a new session on a shard THEN its READY replaces that shard guilds and leaves other shards alone', () => {
    const store = new VoiceStateStore();
    store.sessionStarted(0, [GUILD], BOT);
    store.guildAvailable(0, GUILD, [{ userId: '300', channelId: VOICE_A, isBot: false }]);
    store.sessionStarted(1, [OTHER_GUILD], BOT);
    store.guildAvailable(1, OTHER_GUILD, [{ userId: '301', channelId: VOICE_B, isBot: false }]);

    // Shard 0 identifies again: the bot left GUILD while it was away, and joined '102'.
    store.sessionStarted(0, ['102'], BOT);
    expect(store.hasGuild(GUILD)).toBe(false);
    expect(store.hasGuild('102')).toBe(true);
    expect(store.channelOf(OTHER_GUILD, '301')).toBe(VOICE_B);
    expect(store.guildCount).toBe(2);
  });
});
