import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAudioHarness, TONES, type AudioHarness } from './support/audio-harness.js';
import { BOT_USER_ID } from './support/test-gateway.js';
import { toneWav } from './support/tone-wav.js';

/** How long the slow server holds each answer, ms: far longer than a join takes. */
const SLOW_SERVER_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(process.env['DISCORD_SIM_CA_DIR'] === undefined)('audio service: play joins voice', () => {
  let h: AudioHarness;
  beforeAll(async () => {
    h = await startAudioHarness();
    h.media.put('/slow-440.wav', { body: toneWav({ seconds: 20, hz: TONES.a }), delayMs: SLOW_SERVER_MS });
  });
  afterAll(async () => {
    await h?.close();
  });
  beforeEach(async () => {
    await h.request('leave', {});
  });

  /** The channel the simulator has the bot in, in this guild (null when it is not in voice). */
  const botChannel = (): string | null =>
    h.sim.state().voiceStates.find((state) => state.guildId === h.guildId && state.userId === BOT_USER_ID)
      ?.channelId ?? null;

  async function until(accept: () => boolean, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!accept()) {
      if (Date.now() > deadline) return false;
      await sleep(20);
    }
    return true;
  }

  it('GIVEN no player and a slow track server THEN the bot joins and connects voice while the track resolves, then plays it', async () => {
    let answered = false;
    const playing = h.play('/slow-440.wav').finally(() => {
      answered = true;
    });
    const joinedEarly = await until(() => botChannel() === h.voiceChannelId, SLOW_SERVER_MS - 300);
    // The node's voice connection too: the voice events of the join are not held up by the load.
    const connectedEarly = await until(() => h.sim.audio(h.guildId).connected, SLOW_SERVER_MS - 300);
    expect({ joinedEarly, connectedEarly, answered }).toEqual({
      joinedEarly: true,
      connectedEarly: true,
      answered: false,
    });
    const outcome = await playing;
    expect(outcome.ok && outcome.value.position).toBe(0);
    await h.hear(TONES.a);
  });

  it('GIVEN no player and a URL that finds nothing THEN the refusal leaves voice and keeps no player', async () => {
    const missing = await h.play('/nope.wav');
    expect(missing.ok ? null : missing.error.code).toMatch(/NO_RESULTS|LOAD_FAILED/);
    expect(await until(() => botChannel() === null, 3_000)).toBe(true);
    const now = await h.request('nowPlaying', {});
    expect(now.ok && now.value.track).toBeNull();
  });

  it('GIVEN a player already in voice and a URL that finds nothing THEN it stays in voice with its track', async () => {
    await h.play('/440.wav');
    await h.hear(TONES.a);
    const missing = await h.play('/nope.wav');
    expect(missing.ok).toBe(false);
    await sleep(300);
    expect(botChannel()).toBe(h.voiceChannelId);
    await h.hear(TONES.a);
  });
});
