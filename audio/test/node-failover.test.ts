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

      const beforeAt = Date.now();
      const moveMark = h.ui.length;
      const stoppedAt = Date.now();
      await h.nodes[index]?.close();
      // The track starts again on the other node (a fast move may leave no silence to wait for).
      await h.started(moveMark, MOVE_LIMIT_MS);
      await h.hear(TONES.a, MOVE_LIMIT_MS);
      const movedWithinMs = Date.now() - stoppedAt;
      expect(movedWithinMs).toBeLessThan(MOVE_LIMIT_MS);
      expect(h.service.backend.nodeOf(h.guildId)).not.toBe(nodeId);

      const after = await h.request('nowPlaying', {});
      if (!after.ok) throw new Error(after.error.message);
      expect(after.value.track?.uri).toBe(before.value.track?.uri);
      expect(after.value.queueLength).toBe(1);
      // Where it started on the new node, against where it was when its node stopped: within 2 s.
      const start = h.ui
        .slice(moveMark)
        .find((event) => event.type === 'track.start' && event.guildId === h.guildId);
      const resumedAtMs = after.value.positionMs - (Date.now() - (start?.sentAt ?? Date.now()));
      const lostAtMs = before.value.positionMs + (stoppedAt - beforeAt);
      expect(Math.abs(resumedAtMs - lostAtMs)).toBeLessThanOrEqual(2_000);
      // The per-node player gauge follows at once.
      expect(h.service.backend.nodes().find((node) => node.id === nodeId)?.players).toBe(0);
    });
  },
);
