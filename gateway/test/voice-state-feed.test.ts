import { describe, expect, it } from 'vitest';
import { VoiceStateStore } from '../src/domain/services/voice-state-store.js';
import { applyDispatch } from '../src/infrastructure/discord/voice-state-feed.js';

const BOT = '900';
const GUILD = '100';
const VOICE = '200';

const ready = (guildIds: readonly string[]) => ({
  t: 'READY',
  d: { user: { id: BOT, bot: true }, guilds: guildIds.map((id) => ({ id, unavailable: true })) },
});

/** GUILD_CREATE as Discord sends it: the members in voice beside voice states without `member`. */
const guildCreate = (voice: readonly { userId: string; bot?: boolean }[]) => ({
  t: 'GUILD_CREATE',
  d: {
    id: GUILD,
    unavailable: false,
    channels: [{ id: VOICE, type: 2 }],
    roles: [{ id: GUILD }],
    members: voice.map((v) => ({ user: { id: v.userId, bot: v.bot ?? false }, roles: [] })),
    voice_states: voice.map((v) => ({ user_id: v.userId, channel_id: VOICE, session_id: 's' })),
  },
});

const voiceUpdate = (userId: string, channelId: string | null, bot = false) => ({
  t: 'VOICE_STATE_UPDATE',
  d: {
    guild_id: GUILD,
    user_id: userId,
    channel_id: channelId,
    session_id: 's',
    member: { user: { id: userId, bot } },
  },
});

function fed(...packets: readonly { t: string; d: unknown }[]): VoiceStateStore {
  const store = new VoiceStateStore();
  for (const packet of packets) applyDispatch(store, packet, 0);
  return store;
}

describe('applyDispatch: raw gateway dispatches into the voice-state store', () => {
  it('GIVEN READY and GUILD_CREATE THEN the guild is carried with who sits in voice, bots told apart', () => {
    const store = fed(ready([GUILD]), guildCreate([{ userId: '300' }, { userId: '301', bot: true }]));
    expect(store.guildCount).toBe(1);
    expect(store.voiceMembers(GUILD)).toEqual(
      expect.arrayContaining([
        { userId: '300', channelId: VOICE, isBot: false },
        { userId: '301', channelId: VOICE, isBot: true },
      ]),
    );
  });

  it('GIVEN voice updates THEN joins, moves and leaves are applied, and the bot (named by READY) is a bot', () => {
    const store = fed(
      ready([GUILD]),
      guildCreate([{ userId: '300' }]),
      voiceUpdate('301', VOICE),
      voiceUpdate('301', '201'),
      voiceUpdate('300', null),
      // A payload without the member: the bot is still recognised from READY.
      { t: 'VOICE_STATE_UPDATE', d: { guild_id: GUILD, user_id: BOT, channel_id: VOICE, session_id: 'b' } },
    );
    expect(store.channelOf(GUILD, '300')).toBeNull();
    expect(store.channelOf(GUILD, '301')).toBe('201');
    expect(store.membersIn(GUILD, VOICE)).toEqual([{ userId: BOT, channelId: VOICE, isBot: true }]);
  });

  it('GIVEN GUILD_DELETE THEN an outage keeps the guild and a removal forgets it', () => {
    const store = fed(ready([GUILD]), guildCreate([{ userId: '300' }]));
    applyDispatch(store, { t: 'GUILD_DELETE', d: { id: GUILD, unavailable: true } }, 0);
    expect(store.hasGuild(GUILD)).toBe(true);
    expect(store.voiceMembers(GUILD)).toBeUndefined();
    applyDispatch(store, guildCreate([{ userId: '300' }]), 0);
    expect(store.voiceMembers(GUILD)).toHaveLength(1);

    applyDispatch(store, { t: 'GUILD_DELETE', d: { id: GUILD } }, 0);
    expect(store.hasGuild(GUILD)).toBe(false);
  });

  it('GIVEN a resumed session THEN the replayed updates apply on top and nothing is forgotten', () => {
    const store = fed(ready([GUILD]), guildCreate([{ userId: '300' }]));
    // Disconnected, then RESUME: Discord replays what was missed, then RESUMED; there is no READY.
    for (const packet of [voiceUpdate('301', VOICE), voiceUpdate('300', null), { t: 'RESUMED', d: {} }]) {
      applyDispatch(store, packet, 0);
    }
    expect(store.guildCount).toBe(1);
    expect(store.voiceMembers(GUILD)).toEqual([{ userId: '301', channelId: VOICE, isBot: false }]);
  });

  it('GIVEN a session that could not resume THEN the new READY and GUILD_CREATE rebuild the shard state', () => {
    const store = fed(ready([GUILD, '101']), guildCreate([{ userId: '300' }]));
    // While away the bot was removed from 101 and 300 left voice: the new session says so.
    applyDispatch(store, ready([GUILD]), 0);
    expect(store.hasGuild('101')).toBe(false);
    expect(store.voiceMembers(GUILD)).toBeUndefined();
    applyDispatch(store, guildCreate([]), 0);
    expect(store.voiceMembers(GUILD)).toEqual([]);
  });

  it('GIVEN other dispatches THEN the store is untouched', () => {
    const store = fed(ready([GUILD]), guildCreate([{ userId: '300' }]));
    applyDispatch(store, { t: 'INTERACTION_CREATE', d: { id: '1', guild_id: GUILD } }, 0);
    applyDispatch(store, { t: 'VOICE_SERVER_UPDATE', d: { guild_id: GUILD, token: 't', endpoint: 'e' } }, 0);
    applyDispatch(store, { t: null, d: null }, 0);
    expect(store.voiceMembers(GUILD)).toEqual([{ userId: '300', channelId: VOICE, isBot: false }]);
  });
});
