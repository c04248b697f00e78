import { DatabaseError } from '@discord-bot/database';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { startFailingNodeRelay, type FailingNodeRelay } from './support/failing-node-relay.js';
import { readMetric } from './support/read-metric.js';
import { BOT_USER_ID } from './support/test-gateway.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const titleOf = (uri: string | null | undefined) => uri?.split('/').pop();

/** The node's REST calls of one player (a PATCH changes it: track, position, pause, volume). */
const PLAYER_PATH = /^\/v4\/sessions\/[^/]+\/players\/\d+/;
/** How long until the node's own position report replaces the service's estimate. */
const POSITION_SETTLES_MS = 5_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: failures inside a command',
  () => {
    let h: AudioHarness;
    let relay: FailingNodeRelay;
    beforeAll(async () => {
      // The service talks to its node through a relay that can answer a request itself, as a broken node.
      relay = await startFailingNodeRelay('http://127.0.0.1:9');
      h = await startAudioHarness(TEST_OPTIONS, 1, [], (node) => {
        relay.target = node.url;
        return relay.url;
      });
    });
    afterAll(async () => {
      await h?.close();
      await relay?.close();
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    const commands = (type: string, outcome: string) =>
      readMetric(h.registry, 'audio_commands_total', { type, outcome });

    async function nowPlaying() {
      const now = await h.request('nowPlaying', {});
      if (!now.ok) throw new Error(now.error.message);
      return now.value;
    }

    it('GIVEN the database fails while play reads the guild settings THEN the answer is internal and the next play is served', async () => {
      vi.spyOn(h.db.guildSettings, 'get').mockRejectedValueOnce(
        new DatabaseError('DATABASE_UNAVAILABLE', 'connection terminated unexpectedly', {
          repository: 'guild_settings',
          method: 'get',
        }),
      );
      const failed = await h.play('/440.wav');
      expect(failed.ok ? null : failed.error.code).toBe('internal');
      // A typed answer, never the infrastructure's own words.
      expect(failed.ok ? '' : failed.error.message).not.toMatch(/connection|terminated|stack/i);
      expect(await commands('play', 'internal')).toBe(1);
      expect((await nowPlaying()).track).toBeNull();
      expect(h.sim.state().voiceStates.some((s) => s.guildId === h.guildId && s.userId === BOT_USER_ID)).toBe(
        false,
      );

      const mark = h.ui.length;
      const played = await h.play('/440.wav');
      expect(played.ok && played.value.position).toBe(0);
      await h.started(mark);
      await h.hear(TONES.a);
    });

    it('GIVEN the node answers 500 to loadtracks THEN play is refused LOAD_FAILED and the next play loads', async () => {
      relay.failNext({ method: 'GET', path: /^\/v4\/loadtracks/ });
      const failed = await h.play('/880.wav');
      expect(failed.ok ? null : failed.error.code).toBe('LOAD_FAILED');
      expect(relay.failed).toHaveLength(1);
      const queued = await h.play('/880.wav');
      expect(queued.ok && queued.value.position).toBe(1);
      await h.hear(TONES.a);
    });

    it('GIVEN the node answers 500 to a seek THEN the answer is internal, the tone plays on, and the next seek lands', async () => {
      relay.failNext({ method: 'PATCH', path: PLAYER_PATH, body: /^\{"position":\d+\}$/ });
      const failed = await h.request('seek', { positionMs: 12_000 });
      expect(failed.ok ? null : failed.error.code).toBe('internal');
      expect(await commands('seek', 'internal')).toBe(1);
      await h.hear(TONES.a);
      await expect
        .poll(async () => (await nowPlaying()).positionMs, { timeout: POSITION_SETTLES_MS })
        .toBeLessThan(10_000);

      const sought = await h.request('seek', { positionMs: 15_000 });
      expect(sought.ok && sought.value.positionMs).toBe(15_000);
      await expect
        .poll(async () => (await nowPlaying()).positionMs, { timeout: POSITION_SETTLES_MS })
        .toBeGreaterThanOrEqual(14_500);
      await h.request('seek', { positionMs: 1_000 });
    });

    it('GIVEN the node answers 500 to a pause THEN the answer is internal, the player still plays, and pause again pauses', async () => {
      relay.failNext({ method: 'PATCH', path: PLAYER_PATH, body: /^\{"paused":true\}$/ });
      const failed = await h.request('pause', {});
      expect(failed.ok ? null : failed.error.code).toBe('internal');
      expect((await nowPlaying()).paused).toBe(false);
      await h.hear(TONES.a);

      const paused = await h.request('pause', {});
      expect(paused.ok && paused.value.wasPaused).toBe(false);
      await sleep(400);
      const before = h.sim.audio(h.guildId, 1_000).totalPackets;
      await sleep(500);
      expect(h.sim.audio(h.guildId, 1_000).totalPackets).toBe(before);
      await h.request('resume', {});
      await h.hear(TONES.a);
    });

    it('GIVEN the node answers 500 to a volume change THEN the answer is internal and the volume stays', async () => {
      relay.failNext({ method: 'PATCH', path: PLAYER_PATH, body: /^\{"volume":\d+\}$/ });
      const mark = h.ui.length;
      const failed = await h.request('volume', { volume: 30 });
      expect(failed.ok ? null : failed.error.code).toBe('internal');
      expect((await nowPlaying()).volume).toBe(100);
      await sleep(200);
      expect(h.ui.slice(mark).some((event) => event.type === 'player.volume')).toBe(false);
      const changed = await h.request('volume', { volume: 30 });
      expect(changed.ok && changed.value).toEqual({ volume: 30, previous: 100 });
      await h.request('volume', { volume: 100 });
    });

    it('GIVEN the node refuses to start a track THEN it is skipped with a message naming it, and the next one plays', async () => {
      relay.failNext({ method: 'PATCH', path: PLAYER_PATH, body: /"track":\{"encoded"/ });
      const notices = h.gateway.notices.length;
      const mark = h.ui.length;
      const now = await h.play('/660.wav', 'now');
      expect(now.ok).toBe(true);
      await expect
        .poll(() => h.gateway.notices.slice(notices).map((n) => n.payload.code), { timeout: 10_000 })
        .toEqual(['TRACK_SKIPPED']);
      expect(h.gateway.notices.at(-1)?.payload.message).toContain('660.wav');
      const error = h.ui.slice(mark).find((event) => event.type === 'player.error');
      expect(error?.type === 'player.error' && error.payload).toMatchObject({
        error: { code: 'LOAD_FAILED' },
        track: { uri: expect.stringContaining('/660.wav') as string },
      });
      await h.hear(TONES.c);
      expect(titleOf((await nowPlaying()).track?.uri)).toBe('880.wav');
    });

    it('GIVEN every failure above THEN the service still answers every command of the guild', async () => {
      const page = await h.request('queuePage', {});
      expect(page.ok).toBe(true);
      const stopped = await h.request('stop', {});
      expect(stopped.ok).toBe(true);
      expect(await commands('stop', 'ok')).toBe(1);
    });
  },
);
