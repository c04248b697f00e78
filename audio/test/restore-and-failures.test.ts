import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TONES, type AudioHarness } from './support/audio-harness.js';
import { toneWav } from './support/tone-wav.js';

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: restore and failures',
  () => {
    let h: AudioHarness;
    beforeAll(async () => {
      h = await startAudioHarness();
      for (const name of ['bad-1', 'bad-2', 'bad-3', 'bad-4']) {
        h.media.put(`/${name}.wav`, { body: toneWav({ seconds: 20, hz: 440 }), servesBeforeFailing: 1 });
      }
    });
    afterAll(async () => {
      await h?.close();
    });

    it('GIVEN a restart mid-track THEN the same track plays again at the saved position with queue, loop and volume', async () => {
      const mark = h.ui.length;
      await h.play('/880.wav');
      await h.play('/440.wav');
      await h.play('/660.wav');
      await h.started(mark);
      await h.request('seek', { positionMs: 8_000 });
      await h.request('loop', { mode: 'queue' });
      await h.request('volume', { volume: 80 });
      await h.hear(TONES.c);
      const before = await h.request('nowPlaying', {});
      if (!before.ok) throw new Error(before.error.message);

      const restartMark = h.ui.length;
      const restartedAt = Date.now();
      await h.restart();
      await h.started(restartMark);
      await h.hear(TONES.c);
      const tookMs = Date.now() - restartedAt;
      expect(tookMs).toBeLessThan(10_000);
      const after = await h.request('nowPlaying', {});
      if (!after.ok) throw new Error(after.error.message);
      expect(after.value.track?.uri).toBe(before.value.track?.uri);
      expect(after.value).toMatchObject({ loop: 'queue', volume: 80, queueLength: 2 });
      // Saved at the graceful stop; playing resumes within 2 s of it.
      expect(Math.abs(after.value.positionMs - before.value.positionMs)).toBeLessThan(2_000 + tookMs);
      const page = await h.request('queuePage', {});
      expect(page.ok && page.value.tracks.map((t) => t.track.uri?.split('/').pop())).toEqual([
        '440.wav',
        '660.wav',
      ]);
      await h.request('stop', {});
      await h.request('loop', { mode: 'off' });
    });

    it('GIVEN a track that fails while playing THEN it is skipped with a message naming it, and the next plays', async () => {
      const mark = h.ui.length;
      await h.play('/bad-1.wav');
      await h.play('/880.wav');
      await expect
        .poll(() => h.gateway.notices.find((n) => n.payload.code === 'TRACK_SKIPPED')?.payload, {
          timeout: 10_000,
        })
        .toMatchObject({ channelId: h.textChannelId });
      const notice = h.gateway.notices.find((n) => n.payload.code === 'TRACK_SKIPPED');
      expect(notice?.payload.message).toContain('bad-1.wav');
      expect(h.ui.slice(mark).some((e) => e.type === 'player.error')).toBe(true);
      await h.hear(TONES.c);
      await h.request('stop', {});
    });

    it('GIVEN three failing tracks in a row THEN the player stops with one message', async () => {
      const notices = h.gateway.notices.length;
      await h.play('/440.wav');
      await h.play('/bad-2.wav');
      await h.play('/bad-3.wav');
      await h.play('/bad-4.wav');
      await h.play('/660.wav');
      await h.request('skip', {});
      await expect
        .poll(() => h.gateway.notices.slice(notices).map((n) => n.payload.code), { timeout: 15_000 })
        .toEqual(['TRACK_SKIPPED', 'TRACK_SKIPPED', 'PLAYER_STOPPED_FAILURES']);
      const now = await h.request('nowPlaying', {});
      expect(now.ok && now.value.track).toBeNull();
    });
  },
);
