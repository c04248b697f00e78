import { startAudioNode } from '@discord-bot/audio-node';
import { createSilentLogger } from '@discord-bot/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: every audio node lost',
  () => {
    let h: AudioHarness;
    beforeAll(async () => {
      h = await startAudioHarness({ ...TEST_OPTIONS, nodeRetryAmount: 100, nodeRetryDelayMs: 200 });
    });
    afterAll(async () => {
      await h?.close();
    });

    it('GIVEN the only node stops THEN the text channel is told once, and playback resumes when a node is back', async () => {
      const mark = h.ui.length;
      await h.play('/440.wav');
      await h.started(mark);
      await h.hear(TONES.a);
      const { port, password } = h.node;
      await h.node.close();
      await expect
        .poll(() => h.gateway.notices.filter((n) => n.payload.code === 'AUDIO_NODE_LOST').length, {
          timeout: 5_000,
        })
        .toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(h.gateway.notices.filter((n) => n.payload.code === 'AUDIO_NODE_LOST')).toHaveLength(1);

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
    });
  },
);
