import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ALONE_TIMEOUT_MS = TEST_OPTIONS.aloneTimeoutMs ?? 0;
/** Time for the restore and the roster answer on top of a leave timeout. */
const SETTLE_MS = 5_000;

/**
 * The audio service knows who sits in voice only from what it heard: a restarted one heard none of it.
 * Restoring a player asks the gateway for the guild's voice roster, so the alone rule holds at once.
 */
describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)(
  'audio service: the alone rule after a restart',
  () => {
    let h: AudioHarness;
    let bobId: string;
    let otherVoiceChannelId: string;
    beforeAll(async () => {
      h = await startAudioHarness(TEST_OPTIONS);
      bobId = h.sim.createUser({ username: 'bob', guildId: h.guildId }).id;
      otherVoiceChannelId = h.sim.createChannel({ guildId: h.guildId, name: 'Other', type: 'voice' }).id;
    });
    afterAll(async () => {
      await h?.close();
    });

    const leftAlone = (mark: number) =>
      h.ui.slice(mark).some((e) => e.type === 'player.stopped' && e.payload.reason === 'alone');
    const botChannels = () =>
      h.sim
        .state()
        .voiceStates.filter((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID)
        .map((state) => state.channelId);
    const setVoice = (userId: string, channelId: string | null) =>
      h.sim.setVoiceState({ userId, guildId: h.guildId, channelId });

    async function playing(): Promise<void> {
      const mark = h.ui.length;
      await h.play('/440.wav');
      await h.started(mark);
      await h.hear(TONES.a);
    }

    it('GIVEN the only listener left while the service was down THEN the restored bot leaves after the alone time', async () => {
      await playing();
      const mark = h.ui.length;

      await h.restart(() => setVoice(h.aliceId, null));

      await h.started(mark);
      await expect.poll(() => leftAlone(mark), { timeout: ALONE_TIMEOUT_MS + SETTLE_MS }).toBe(true);
      await expect.poll(botChannels, { timeout: SETTLE_MS }).toEqual([]);
      expect(await h.db.playerStates.find(h.guildId)).toBeUndefined();
    });

    it('GIVEN a listener still in the channel THEN after the restore a move elsewhere does not leave her alone, and her leaving does', async () => {
      await h.request('leave', {});
      setVoice(h.aliceId, h.voiceChannelId);
      await playing();
      const mark = h.ui.length;
      await h.restart();
      await h.started(mark);

      // The first voice event the new service hears is about another channel.
      setVoice(bobId, otherVoiceChannelId);
      await sleep(ALONE_TIMEOUT_MS + 1_500);
      expect(leftAlone(mark)).toBe(false);
      expect(botChannels()).toEqual([h.voiceChannelId]);
      await h.hear(TONES.a);

      setVoice(h.aliceId, null);
      await expect.poll(() => leftAlone(mark), { timeout: ALONE_TIMEOUT_MS + SETTLE_MS }).toBe(true);
    });
  },
);
