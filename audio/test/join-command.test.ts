import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAudioHarness, TEST_OPTIONS, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';

/** Long enough that nothing leaves on its own while a test looks. */
const NO_LEAVING = { ...TEST_OPTIONS, aloneTimeoutMs: 60_000, idleTimeoutMs: 60_000 };
const VOICE_TIMEOUT_MS = 10_000;

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: join', () => {
  let h: AudioHarness;
  let otherVoiceChannelId: string;
  beforeAll(async () => {
    h = await startAudioHarness(NO_LEAVING);
    otherVoiceChannelId = h.sim.createChannel({ guildId: h.guildId, name: 'Other', type: 'voice' }).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The channels the simulator has the bot in, in this guild. */
  const botChannels = () =>
    h.sim
      .state()
      .voiceStates.filter((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID)
      .map((state) => state.channelId);

  it('GIVEN no player THEN join puts the bot in the voice channel and the node connects its voice', async () => {
    const joined = await h.request('join', {
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(joined).toEqual({
      ok: true,
      value: { voiceChannelId: h.voiceChannelId, alreadyConnected: false },
    });
    await expect.poll(botChannels, { timeout: VOICE_TIMEOUT_MS }).toEqual([h.voiceChannelId]);
    const voice = await h.sim.waitForVoiceConnected(h.guildId, { timeoutMs: VOICE_TIMEOUT_MS });
    expect(voice.channelId).toBe(h.voiceChannelId);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value).toMatchObject({ track: null, queueLength: 0 });
  });

  it('GIVEN the bot already in the channel THEN join again says so and changes nothing', async () => {
    const again = await h.request('join', {
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(again).toEqual({ ok: true, value: { voiceChannelId: h.voiceChannelId, alreadyConnected: true } });
    expect(botChannels()).toEqual([h.voiceChannelId]);
    expect(h.sim.audio(h.guildId).connected).toBe(true);
  });

  it('GIVEN a joined player THEN play uses its voice connection and the simulator hears the tone', async () => {
    const mark = h.ui.length;
    const played = await h.play('/440.wav');
    expect(played.ok && played.value.position).toBe(0);
    await h.started(mark);
    await h.hear(TONES.a);
  });

  it('GIVEN the bot in one channel THEN join to another moves it there and the sound follows', async () => {
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: otherVoiceChannelId });
    const moved = await h.request('join', {
      voiceChannelId: otherVoiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(moved).toEqual({
      ok: true,
      value: { voiceChannelId: otherVoiceChannelId, alreadyConnected: false },
    });
    await expect.poll(botChannels, { timeout: VOICE_TIMEOUT_MS }).toEqual([otherVoiceChannelId]);
    await expect
      .poll(() => h.sim.audio(h.guildId).channelId, { timeout: VOICE_TIMEOUT_MS })
      .toBe(otherVoiceChannelId);
    await h.hear(TONES.a);
    // Saved with the next position write at the latest, so a restart rejoins the new channel.
    await expect
      .poll(async () => (await h.db.playerStates.find(h.guildId))?.voiceChannelId, { timeout: 5_000 })
      .toBe(otherVoiceChannelId);
  });

  it('GIVEN join without a voice channel or with a malformed one THEN it is refused as invalid and the bot stays', async () => {
    const missing = await h.request('join', { textChannelId: h.textChannelId } as never);
    expect(missing.ok ? null : missing.error.code).toBe('invalid');
    const malformed = await h.request('join', {
      voiceChannelId: 'not-a-channel',
      textChannelId: h.textChannelId,
    });
    expect(malformed.ok ? null : malformed.error.code).toBe('invalid');
    expect(botChannels()).toEqual([otherVoiceChannelId]);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value.track?.uri).toContain('/440.wav');
  });

  it('GIVEN a paused player THEN join to another channel is saved by the time it is answered', async () => {
    // Paused, nothing else writes its state: a restart after this answer must find the new channel.
    await h.request('pause', {});
    h.sim.setVoiceState({ userId: h.aliceId, guildId: h.guildId, channelId: h.voiceChannelId });
    const moved = await h.request('join', {
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(moved.ok && moved.value.alreadyConnected).toBe(false);
    expect((await h.db.playerStates.find(h.guildId))?.voiceChannelId).toBe(h.voiceChannelId);
    await expect.poll(botChannels, { timeout: VOICE_TIMEOUT_MS }).toEqual([h.voiceChannelId]);
    await h.request('resume', {});
  });

  it('GIVEN leave THEN the bot is out of voice and a later join connects it again', async () => {
    const left = await h.request('leave', {});
    expect(left).toEqual({ ok: true, value: { wasConnected: true } });
    await expect.poll(botChannels, { timeout: VOICE_TIMEOUT_MS }).toEqual([]);
    const joined = await h.request('join', {
      voiceChannelId: h.voiceChannelId,
      textChannelId: h.textChannelId,
    });
    expect(joined.ok && joined.value.alreadyConnected).toBe(false);
    await expect.poll(botChannels, { timeout: VOICE_TIMEOUT_MS }).toEqual([h.voiceChannelId]);
    await expect.poll(() => h.sim.audio(h.guildId).connected, { timeout: VOICE_TIMEOUT_MS }).toBe(true);
  });
});
