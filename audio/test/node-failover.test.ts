import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';

const MOVE_LIMIT_MS = 5_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: two audio nodes, one lost',
  () => {
    let h: AudioHarness;
    beforeAll(async () => {
      h = await startAudioHarness(TEST_OPTIONS, 2);
    });
    afterAll(async () => {
      await h?.close();
    });

    it('GIVEN a player on a node that stops THEN it continues on the other node within 5 s at the same position', async () => {
      const mark = h.ui.length;
      await h.play('/440.wav');
      await h.play('/880.wav');
      await h.started(mark);
      await h.request('seek', { positionMs: 6_000 });
      await h.hear(TONES.a);
      const nodeId = h.service.backend.nodeOf(h.guildId);
      const index = Number(nodeId?.split('-')[1]);
      const before = await h.request('nowPlaying', {});
      if (!before.ok) throw new Error(before.error.message);

      const stoppedAt = Date.now();
      await h.nodes[index]?.close();
      await expect
        .poll(() => h.sim.audio(h.guildId, 300).packetsPerSecond, { timeout: 5_000, interval: 50 })
        .toBe(0);
      await h.hear(TONES.a, MOVE_LIMIT_MS);
      const movedWithinMs = Date.now() - stoppedAt;
      expect(movedWithinMs).toBeLessThan(MOVE_LIMIT_MS);

      const after = await h.request('nowPlaying', {});
      if (!after.ok) throw new Error(after.error.message);
      expect(after.value.track?.uri).toBe(before.value.track?.uri);
      expect(after.value.queueLength).toBe(1);
      // Where it was when the node stopped, give or take 2 s, plus what has played since.
      const expected = before.value.positionMs + (Date.now() - stoppedAt);
      expect(Math.abs(after.value.positionMs - expected)).toBeLessThanOrEqual(2_000 + movedWithinMs);
    });
  },
);
