/**
 * Issue 6 acceptance across processes: the audio service is killed with SIGKILL in the middle of a track; after
 * a restart the simulator hears the same track again within 10 s of the new process's start, at the saved
 * position +- 2 s (told by ear: the track's tone steps every second), queue intact, for 5 guilds at once;
 * commands sent while it was down run once it is back, exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { steppedToneWav } from '../../audio/test/support/tone-wav.js';
import type { SpawnedEntry } from '../support/spawn-entry.js';
import {
  AUDIO_TEST_REDIS_DATABASES,
  startDistributedAudio,
  type DistributedAudio,
  type TestGuild,
} from './support/distributed-audio.js';

/** Guilds playing at once: the 5 (`AUDIO_TEST_GUILDS` to try another count). */
const GUILDS = Number(process.env['AUDIO_TEST_GUILDS'] ?? 5);
/** From the restarted process's start to the sound of every guild (the bound). */
const RESTART_LIMIT_MS = 10_000;
const POSITION_TOLERANCE_MS = 2_000;
/** The track's tone: one frequency per second, 300 Hz then 25 Hz higher each second, for 60 s. */
const STEP_MS = 1_000;
const STEP_BASE_HZ = 300;
const STEP_HZ = 25;
const STEPS = 60;
/** How far a heard frequency may be from a step's for it to count as that step (steps are 25 Hz apart). */
const STEP_MATCH_HZ = 8;
/** Window of each listen: well inside one step. */
const LISTEN_WINDOW_MS = 250;

const enabled =
  process.env['TEST_DATABASE_URL'] !== undefined &&
  process.env['TEST_REDIS_URL'] !== undefined &&
  process.env['DISCORD_SIM_CA_DIR'] !== undefined;

describe.skipIf(!enabled)('audio service killed and restarted (PostgreSQL, Redis, separate process)', () => {
  let d: DistributedAudio;
  let audio: SpawnedEntry;
  beforeAll(async () => {
    d = await startDistributedAudio(GUILDS, AUDIO_TEST_REDIS_DATABASES.restart);
    const hz = Array.from({ length: STEPS }, (_, step) => STEP_BASE_HZ + step * STEP_HZ);
    d.media.put('/steps.wav', steppedToneWav({ stepSeconds: STEP_MS / 1_000, hz }));
    audio = await d.spawnAudio();
  }, 120_000);
  afterAll(async () => {
    await d?.close();
  });

  /** The step of the stepped track the guild is heard playing now, or undefined (silence, another tone). */
  function heardStep(guild: TestGuild): number | undefined {
    const heard = d.sim.audio(guild.id, LISTEN_WINDOW_MS);
    if (heard.packetsPerSecond === 0 || heard.dominantHz === 0) return undefined;
    const step = Math.round((heard.dominantHz - STEP_BASE_HZ) / STEP_HZ);
    const expectedHz = STEP_BASE_HZ + step * STEP_HZ;
    return step >= 0 && step < STEPS && Math.abs(heard.dominantHz - expectedHz) <= STEP_MATCH_HZ
      ? step
      : undefined;
  }

  /** Resolves with the first step heard in the guild, polling until `deadline` (epoch ms). */
  async function firstStepHeard(guild: TestGuild, deadline: number): Promise<number> {
    for (;;) {
      const step = heardStep(guild);
      if (step !== undefined) return step;
      if (Date.now() > deadline)
        throw new Error(`guild ${guild.id}: the stepped track was not heard in time`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it(`GIVEN ${GUILDS} guilds playing THEN after SIGKILL and restart each plays the same track again at its saved position`, async () => {
    for (const guild of d.guilds) {
      const first = await d.play(guild, '/steps.wav');
      expect(first.ok).toBe(true);
      const second = await d.play(guild, '/660.wav');
      expect(second.ok ? null : second.error).toBeNull();
    }
    await Promise.all(d.guilds.map((guild) => firstStepHeard(guild, Date.now() + 20_000)));
    // Killed once the ticker (every 5 s) has saved every guild's position mid-track.
    await expect
      .poll(
        async () => {
          const states = await Promise.all(
            d.guilds.map((guild) => d.database.db.playerStates.find(guild.id)),
          );
          return states.every((state) => (state?.positionMs ?? 0) > 3_000);
        },
        { timeout: 15_000, interval: 200 },
      )
      .toBe(true);
    await audio.stop('SIGKILL');
    const saved = new Map<string, number>();
    for (const guild of d.guilds) {
      const state = await d.database.db.playerStates.find(guild.id);
      expect(state?.currentTrack?.info.uri).toContain('/steps.wav');
      expect(state?.queue.map((t) => t.info.uri?.split('/').pop())).toEqual(['660.wav']);
      saved.set(guild.id, state?.positionMs ?? 0);
    }
    // The embedded node died with the process: only sound heard after this silence counts.
    await expect
      .poll(() => d.guilds.every((guild) => d.sim.audio(guild.id, 300).packetsPerSecond === 0), {
        timeout: 5_000,
        interval: 50,
      })
      .toBe(true);

    // Sent while no audio service runs: executed when it is back, once.
    const whileDown = d.play(d.guilds[0]!, '/660.wav', 60_000);

    const restartedAt = Date.now();
    audio = await d.spawnAudio();
    const heard = await Promise.all(
      d.guilds.map(async (guild) => ({
        guild,
        step: await firstStepHeard(guild, restartedAt + RESTART_LIMIT_MS),
      })),
    );
    expect(Date.now() - restartedAt).toBeLessThan(RESTART_LIMIT_MS);

    for (const { guild, step } of heard) {
      // What was heard first is where playback resumed: the middle of that one-second step.
      const heardAtMs = step * STEP_MS + STEP_MS / 2;
      expect(Math.abs(heardAtMs - (saved.get(guild.id) ?? 0))).toBeLessThanOrEqual(POSITION_TOLERANCE_MS);
      const now = await d.request(guild, 'nowPlaying', {});
      expect(now.ok && now.value.track?.uri).toContain('/steps.wav');
    }
    const late = await whileDown;
    expect(late.ok && late.value.position).toBe(2);
    for (const [i, guild] of d.guilds.entries()) {
      const queue = await d.request(guild, 'queuePage', {});
      if (!queue.ok) throw new Error(queue.error.message);
      const expected = i === 0 ? ['660.wav', '660.wav'] : ['660.wav'];
      expect(queue.value.tracks.map((entry) => entry.track.uri?.split('/').pop())).toEqual(expected);
      expect(queue.value.total).toBe(expected.length);
    }
  }, 120_000);
});
