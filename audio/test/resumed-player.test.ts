import { describe, expect, it } from 'vitest';
import { toResumedPlayers } from '../src/lavalink/resumed-player.js';

const track = {
  encoded: 'QAAA',
  info: {
    identifier: 'id',
    isSeekable: true,
    author: 'me',
    length: 60_000,
    isStream: false,
    position: 0,
    title: 'Tone',
    uri: 'http://127.0.0.1/440.wav',
    sourceName: 'http',
  },
  pluginInfo: {},
  userData: {},
};

describe('toResumedPlayers', () => {
  it('GIVEN the players of a resumed session THEN each reads with its track, position, voice and settings', () => {
    const [player] = toResumedPlayers('node-a', [
      {
        guildId: '1',
        track,
        volume: 150,
        paused: false,
        state: { time: 1, position: 12_345, connected: true, ping: 3 },
        voice: { token: 't', endpoint: 'e', sessionId: 's', channelId: '9' },
        filters: { volume: 0.8 },
      },
    ]);
    expect(player).toMatchObject({
      nodeId: 'node-a',
      guildId: '1',
      positionMs: 12_345,
      volume: 150,
      paused: false,
      filters: { volume: 0.8 },
      voice: { token: 't', endpoint: 'e', sessionId: 's', channelId: '9', connected: true },
    });
    expect(player?.track?.encoded).toBe('QAAA');
  });

  it('GIVEN a player whose track ended THEN its track is null; an error body reads as no players', () => {
    const players = toResumedPlayers('n', [{ guildId: '2', track: null, state: {}, voice: {} }, {}]);
    expect(players).toHaveLength(1);
    expect(players[0]?.track).toBeNull();
    expect(players[0]?.voice.connected).toBe(false);
    expect(toResumedPlayers('n', { status: 404, message: 'Session not found' })).toEqual([]);
  });
});
