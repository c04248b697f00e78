import { DEFAULT_TONE_TOLERANCE, type InteractionView } from '@discord-bot/discord-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killAll } from '../support/spawn-entry.js';
import {
  A880_MARK,
  BOT_USER_ID,
  startBotUnderTest,
  type BotUnderTest,
  type Mode,
} from './support/bot-under-test.js';
import { listenAcross } from './support/listen-across.js';
import { waitUntil } from './support/wait-until.js';

/** The promise: music within 3 s of the slash command. */
const FIRST_AUDIO_DEADLINE_MS = 3_000;
/** Listening goes on this long after the gateway resumed, ms, for anything the resume set off late. */
const LISTEN_AFTER_RESUME_MS = 2_000;
/** Least packet rate of any 1 s window across the fault (50 is Discord's; some slack for a loaded machine). */
const MIN_LOOK_PACKETS_PER_SECOND = 40;
/** Least packet rate over the whole span of the fault. */
const MIN_SPAN_PACKETS_PER_SECOND = 45;
/** A window is steady when its level and that of its last 200 ms agree within this, dB. */
const STEADY_LEVEL_DB = 0.3;
/** How far the level may wander across the fault, dB (a changed volume moves it by 6). */
const LEVEL_TOLERANCE_DB = 1.5;
const distributedServers =
  process.env['TEST_DATABASE_URL'] !== undefined && process.env['TEST_REDIS_URL'] !== undefined;

const MODES: { mode: Mode; skip: boolean }[] = [
  { mode: 'single-node', skip: false },
  { mode: 'distributed', skip: !distributedServers },
];

describe.each(MODES)('GIVEN the bot in $mode mode against the simulator', ({ mode, skip }) => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    if (!skip) bot = await startBotUnderTest(mode);
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    killAll();
  }, 60_000);

  function command(name: string, options: Record<string, string | number> = {}, userId = bot.users.alice) {
    const { guild } = bot;
    return bot.sim.invokeCommand({
      userId,
      guildId: guild.id,
      channelId: guild.textChannelId,
      command: name,
      options,
    }).id;
  }

  /** The visible answer: the ephemeral follow-up of a refusal, else the (edited) reply. */
  async function answer(id: string): Promise<{ text: string; ephemeral: boolean; view: InteractionView }> {
    const view = await waitUntil(
      () => bot.sim.interaction(id),
      (v) => {
        if (v.error !== undefined && v.error !== null) throw new Error(`interaction failed: ${v.error}`);
        return v.followUps.length > 0 || (v.response !== null && v.response.content !== '');
      },
      15_000,
      `answer to ${id}`,
    );
    const followUp = view.followUps[0];
    if (followUp !== undefined) return { text: followUp.content, ephemeral: followUp.ephemeral, view };
    return { text: view.response?.content ?? '', ephemeral: view.ephemeral, view };
  }

  const audio = (windowMs = 300) => bot.sim.audio(bot.guild.id, windowMs);
  const nowPlaying = () =>
    bot.sim
      .channelMessages(bot.guild.textChannelId)
      .filter((message) => message.embeds.length > 0)
      .at(-1);

  it.skipIf(skip)(
    'a user outside the voice channel gets an ephemeral refusal, acknowledged within 3 s',
    async () => {
      const id = command('pause', {}, bot.users.bob);
      const { text, ephemeral, view } = await answer(id);
      expect(text).toContain('Join a voice channel first.');
      expect(ephemeral).toBe(true);
      expect(view.ackMs).toBeLessThan(3_000);
      const metrics = await (await fetch(`http://127.0.0.1:${await bot.gateway.port()}/metrics`)).text();
      expect(metrics).toMatch(/gateway_interaction_ack_seconds_count\{[^}]*kind="command"[^}]*\} [1-9]/);
      expect(metrics).toMatch(/gateway_commands_total\{[^}]*command="pause"[^}]*code="NOT_IN_VOICE"/);
      await waitUntil(
        () => bot.sim.interaction(id).response,
        (response) => response === null,
        5_000,
        'placeholder deleted',
      );
    },
  );

  it.skipIf(skip)(
    'a user joins voice and /play an HTTP file: the simulator hears 440 Hz within 3 s',
    async () => {
      bot.sim.setVoiceState({
        userId: bot.users.alice,
        guildId: bot.guild.id,
        channelId: bot.guild.voiceChannelId,
      });
      const started = Date.now();
      const id = command('play', { query: bot.tones.urlOf('a440') });
      await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 440, windowMs: 200, timeoutMs: 15_000 });
      const elapsed = Date.now() - started;
      expect((await answer(id)).text).toContain('Playing now');
      expect(elapsed, 'ms from /play to hearing 440 Hz').toBeLessThanOrEqual(FIRST_AUDIO_DEADLINE_MS);
    },
  );

  it.skipIf(skip)('the now-playing message shows the track, its requester and the controls', async () => {
    const message = await waitUntil(
      nowPlaying,
      (m) => m?.embeds[0]?.title === 'a440.wav',
      10_000,
      'now playing',
    );
    const text = JSON.stringify(message);
    expect(text).toContain(`<@${bot.users.alice}>`);
    expect(text).toContain('np:pause');
    expect(text).toContain('np:skip');
  });

  it.skipIf(skip)('/pause makes it silent and /resume brings the tone back', async () => {
    expect((await answer(command('pause'))).text).toContain('Paused');
    await waitUntil(
      () => audio(),
      (a) => a.rmsDbfs <= -100,
      3_000,
      'silence',
    );
    expect((await answer(command('resume'))).text).toContain('Resumed');
    await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 440, windowMs: 200, timeoutMs: 3_000 });
  });

  it.skipIf(skip)(
    'the now-playing buttons act like the commands, with the same checks',
    async () => {
      const message = nowPlaying();
      if (message === undefined) throw new Error('no now-playing message');
      const click = (customId: string, userId = bot.users.alice) =>
        bot.sim.clickComponent({ userId, messageId: message.id, customId }).id;
      const refused = await answer(click('np:pause', bot.users.bob));
      expect(refused.text).toContain('Join a voice channel first.');
      expect(refused.ephemeral).toBe(true);
      expect((await answer(click('np:pause'))).text).toContain('Paused');
      await waitUntil(
        () => audio(),
        (a) => a.rmsDbfs <= -100,
        3_000,
        'silence',
      );
      const paused = await waitUntil(
        nowPlaying,
        (m) => JSON.stringify(m?.components ?? []).includes('np:resume'),
        12_000,
        'resume button',
      );
      const resume = bot.sim.clickComponent({
        userId: bot.users.alice,
        messageId: paused?.id ?? '',
        customId: 'np:resume',
      });
      expect((await answer(resume.id)).text).toContain('Resumed');
      await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 440, windowMs: 200, timeoutMs: 3_000 });
    },
    30_000,
  );

  it.skipIf(skip)('/play a second file then /skip: 880 Hz, and the now-playing message follows', async () => {
    expect((await answer(command('play', { query: bot.tones.urlOf('a880') }))).text).toContain(
      'Queued at #1',
    );
    expect((await answer(command('skip'))).text).toContain('Skipped');
    await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 880, windowMs: 200, timeoutMs: 3_000 });
    const message = await waitUntil(nowPlaying, (m) => m?.embeds[0]?.title === 'a880.wav', 12_000, 'updated');
    expect(message?.editCount).toBeGreaterThanOrEqual(1);
  });

  it.skipIf(skip)('/volume 50 lowers the level by about 6 dB', async () => {
    await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 880, windowMs: 1_000, timeoutMs: 5_000 });
    const before = audio(1_000).rmsDbfs;
    expect((await answer(command('volume', { percent: 50 }))).text).toContain('50%');
    const after = await waitUntil(
      () => audio(500).rmsDbfs,
      (level) => Math.abs(before - level - 6) < 1.5,
      5_000,
      `about -6 dB from ${before}`,
    );
    expect(before - after).toBeGreaterThan(4.5);
  });

  it.skipIf(skip)(
    '/seek moves within the track: past the mark the pitch changes, and back again',
    async () => {
      const clock = (seconds: number) =>
        `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
      // Still before the mark (880 Hz), so hearing its other side can only come from the seek.
      await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 880, windowMs: 300, timeoutMs: 3_000 });
      const past = clock(A880_MARK.atSeconds + 5);
      expect((await answer(command('seek', { position: past }))).text).toContain(`Moved to ${past}`);
      await bot.sim.waitForAudio({
        guildId: bot.guild.id,
        hz: A880_MARK.hz,
        windowMs: 200,
        timeoutMs: 3_000,
      });
      expect((await answer(command('seek', { position: '0:05' }))).text).toContain('Moved to 0:05');
      await bot.sim.waitForAudio({ guildId: bot.guild.id, hz: 880, windowMs: 200, timeoutMs: 3_000 });
    },
  );

  it.skipIf(skip)(
    'a gateway disconnect and resume changes nothing audible: the session is resumed, not identified again',
    async () => {
      const botSessions = () =>
        bot.sim
          .state()
          .sessions.filter((session) => session.applicationId === BOT_USER_ID)
          .map(({ id, connected }) => ({ id, connected }));
      const resumes = () => bot.gateway.output().match(/shard resumed/g)?.length ?? 0;
      const before = botSessions();
      expect(before.length).toBeGreaterThan(0);
      expect(before.every((session) => session.connected)).toBe(true);
      // The reference: a whole second of the tone at one level (a seek just before ramps the volume in).
      const steady = await waitUntil(
        () => audio(1_000),
        (heard) =>
          Math.abs(heard.dominantHz - 880) <= 880 * DEFAULT_TONE_TOLERANCE &&
          heard.gaps === 0 &&
          heard.packetsPerSecond >= MIN_SPAN_PACKETS_PER_SECOND &&
          Math.abs(heard.rmsDbfs - audio(200).rmsDbfs) < STEADY_LEVEL_DB,
        5_000,
        'a steady 880 Hz',
      );
      const resumesBefore = resumes();

      const heard = await listenAcross(
        bot.sim,
        bot.guild.id,
        async () => {
          expect(bot.sim.fault({ kind: 'gateway-disconnect' }).affected).toBeGreaterThanOrEqual(1);
          await waitUntil(resumes, (count) => count > resumesBefore, 20_000, 'shard resumed');
        },
        LISTEN_AFTER_RESUME_MS,
      );

      // Every window from before the drop to after the resume: no lost frame, full rate, same pitch and level.
      const changed = heard.looks.filter(
        (look) =>
          look.gaps > 0 ||
          look.packetsPerSecond < MIN_LOOK_PACKETS_PER_SECOND ||
          Math.abs(look.dominantHz - 880) > 880 * DEFAULT_TONE_TOLERANCE ||
          Math.abs(look.rmsDbfs - steady.rmsDbfs) > LEVEL_TOLERANCE_DB,
      );
      expect(changed, `windows that differ from ${JSON.stringify(steady)}`).toEqual([]);
      expect(heard.packetsPerSecond, 'packets/s from before the drop to after').toBeGreaterThanOrEqual(
        MIN_SPAN_PACKETS_PER_SECOND,
      );
      // A RESUME (op 6) takes the same session back; an IDENTIFY would have started a new one beside it.
      expect(botSessions()).toEqual(before);
      expect((await answer(command('loop', { mode: 'track' }))).text).toContain('Looping the current track');
    },
    45_000,
  );

  it.skipIf(skip)(
    'a user kicks the bot from voice: the player is cleaned up and nothing crashes',
    async () => {
      bot.sim.setVoiceState({ userId: BOT_USER_ID, guildId: bot.guild.id, channelId: null });
      await waitUntil(
        () => audio(),
        (a) => !a.connected || a.rmsDbfs <= -100,
        5_000,
        'silence after the kick',
      );
      const disabled = await waitUntil(
        nowPlaying,
        (m) => JSON.stringify(m?.components ?? []).includes('"disabled":true'),
        20_000,
        'controls disabled',
      );
      expect(JSON.stringify(disabled?.components)).not.toContain('"disabled":false');
      const after = await answer(command('nowplaying'));
      expect(after.text).toContain('Nothing is playing');
      for (const entry of bot.processes) expect(entry.child.exitCode).toBeNull();
    },
    40_000,
  );
});
