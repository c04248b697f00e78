import { startAudioNode } from '@discord-bot/audio-node';
import { createSilentLogger } from '@discord-bot/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Where reconnecting used to give up: lavalink-client's 10 attempts (the service's former default), one retry
 * delay apart. It then deleted the node and destroyed its players, so the bot left voice and the saved
 * player was deleted. The outage below lasts twice that.
 */
const OLD_RETRY_BUDGET_MS = 10 * (TEST_OPTIONS.nodeRetryDelayMs ?? 0);
const OUTAGE_MS = 2 * OLD_RETRY_BUDGET_MS;
/** The position may be off by up to this (the node reports it every second; the ear is coarse). */
const POSITION_TOLERANCE_MS = 2_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: every audio node lost',
  () => {
    let h: AudioHarness;
    beforeAll(async () => {
      // The retry count is the service's own (none to set); only the pauses are short.
      h = await startAudioHarness(TEST_OPTIONS);
    });
    afterAll(async () => {
      await h?.close();
    });

    const lostNotices = () => h.gateway.notices.filter((n) => n.payload.code === 'AUDIO_NODE_LOST');
    const botChannels = () =>
      h.sim
        .state()
        .voiceStates.filter((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID)
        .map((state) => state.channelId);

    it('GIVEN the only node stays away past the old reconnect budget THEN the player waits in voice, saved where it was, the channel is told once, and it plays on when the node is back', async () => {
      expect(OUTAGE_MS).toBeGreaterThan(OLD_RETRY_BUDGET_MS);
      const mark = h.ui.length;
      await h.play('/440.wav');
      await h.started(mark);
      await h.hear(TONES.a);
      const before = await h.request('nowPlaying', {});
      if (!before.ok) throw new Error(before.error.message);
      const beforeAt = Date.now();
      const { port, password } = h.node;
      await h.node.close();
      const lostAt = Date.now();
      const lostAtMs = before.value.positionMs + (lostAt - beforeAt);
      await expect.poll(() => lostNotices().length, { timeout: 5_000 }).toBe(1);

      await sleep(OUTAGE_MS - (Date.now() - lostAt));
      expect(lostNotices()).toHaveLength(1);
      expect(botChannels()).toEqual([h.voiceChannelId]);
      // Nothing plays meanwhile: the position read and the one saved hold where the node went away.
      const waiting = await h.request('nowPlaying', {});
      expect(waiting.ok && waiting.value.track?.uri).toContain('/440.wav');
      expect(Math.abs((waiting.ok ? waiting.value.positionMs : 0) - lostAtMs)).toBeLessThan(
        POSITION_TOLERANCE_MS,
      );
      const saved = await h.db.playerStates.find(h.guildId);
      expect(saved?.currentTrack?.info.uri).toContain('/440.wav');
      expect(Math.abs((saved?.positionMs ?? 0) - lostAtMs)).toBeLessThan(POSITION_TOLERANCE_MS);

      const back = h.ui.length;
      h.node = await startAudioNode({
        host: '127.0.0.1',
        port,
        password,
        musicDirs: [],
        httpAllowlist: ['127.0.0.1'],
        logger: createSilentLogger(),
      });
      h.nodes.splice(0, 1, h.node);
      await h.started(back, 10_000);
      await h.hear(TONES.a);
      const start = h.ui.slice(back).find((event) => event.type === 'track.start');
      const after = await h.request('nowPlaying', {});
      if (!after.ok) throw new Error(after.error.message);
      const resumedAtMs = after.value.positionMs - (Date.now() - (start?.sentAt ?? Date.now()));
      expect(Math.abs(resumedAtMs - lostAtMs)).toBeLessThan(POSITION_TOLERANCE_MS);
      expect(lostNotices()).toHaveLength(1);
    });
  },
);
