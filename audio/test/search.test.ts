import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';
import { toneWav } from './support/tone-wav.js';

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: search sources', () => {
  let h: AudioHarness;
  let musicDir: string;
  beforeAll(async () => {
    musicDir = await mkdtemp(join(tmpdir(), 'audio-search-'));
    await writeFile(join(musicDir, 'Sunrise Parade.wav'), toneWav({ seconds: 20, hz: TONES.b }));
    h = await startAudioHarness(TEST_OPTIONS, 1, [musicDir]);
  });
  afterAll(async () => {
    await h?.close();
    if (musicDir !== undefined) await rm(musicDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await h.request('stop', {});
    await h.db.guildSettings.reset(h.guildId);
  });

  const playQuery = (query: string) =>
    h.request('play', {
      query,
      requester: { userId: h.aliceId, displayName: 'alice' },
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });

  it('GIVEN a guild whose default search source is local THEN a plain query plays the track of the music directory', async () => {
    await h.db.guildSettings.update(h.guildId, { defaultSearchSource: 'local' });
    const outcome = await playQuery('sunrise parade');
    if (!outcome.ok) throw new Error(outcome.error.message);
    expect(outcome.value.firstTrack).toMatchObject({ title: 'Sunrise Parade.wav', sourceName: 'local' });
    await h.hear(TONES.b);
  });

  it('GIVEN a default search source the node does not have THEN a plain query falls back to the ones it has', async () => {
    await h.db.guildSettings.update(h.guildId, { defaultSearchSource: 'youtube' });
    const outcome = await playQuery('sunrise');
    expect(outcome.ok && outcome.value.firstTrack).toMatchObject({ title: 'Sunrise Parade.wav' });
  });

  it('GIVEN a search on the bus THEN it answers the tracks with a query play resolves, and joins no voice', async () => {
    await h.request('leave', {});
    await h.db.guildSettings.update(h.guildId, { defaultSearchSource: 'local' });
    const found = await h.request('search', { query: 'sunrise', limit: 5 });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.results).toEqual([
      expect.objectContaining({
        title: 'Sunrise Parade.wav',
        sourceName: 'local',
        durationMs: 20_000,
        isStream: false,
        playQuery: 'local:Sunrise Parade.wav',
      }),
    ]);
    const botInVoice = h.sim
      .state()
      .voiceStates.some((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID);
    expect(botInVoice).toBe(false);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value).toMatchObject({ track: null, queueLength: 0 });

    const played = await playQuery(found.value.results[0]?.playQuery ?? '');
    expect(played.ok && played.value.firstTrack).toMatchObject({ title: 'Sunrise Parade.wav' });
  });

  it('GIVEN a search that finds nothing THEN the answer is an empty list, not an error', async () => {
    const found = await h.request('search', { query: 'no such song anywhere' });
    expect(found).toEqual({ ok: true, value: { results: [] } });
  });
});
