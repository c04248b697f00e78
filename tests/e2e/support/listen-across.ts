import type { Simulator, VoiceAudioAnalysis } from '@discord-bot/discord-sim';

/** Shortest analysis window, ms: enough frames for a steady packet rate and a clear pitch. */
const LOOK_WINDOW_MS = 1_000;
/** Time between looks, ms; shorter than a window, so consecutive windows overlap. */
const LOOK_EVERY_MS = 400;
/** How far a window reaches back before the previous look, ms, when a look comes late (busy event loop). */
const LOOK_OVERLAP_MS = 200;
/** The simulator keeps this much audio (its MAX_ANALYSIS_WINDOW_MS); a longer stall leaves a hole unheard. */
const SIMULATOR_HISTORY_MS = 10_000;

/** One analysis window, ending at `atMs`. */
export interface Look extends VoiceAudioAnalysis {
  readonly atMs: number;
  readonly windowMs: number;
}

/** What was heard from just before `during` started until `afterMs` after it ended. */
export interface HeardAcross<T> {
  readonly result: T;
  /** Overlapping windows covering the whole span without a hole, oldest first. */
  readonly looks: readonly Look[];
  /** Packets per second over the whole span, from the simulator's packet counter. */
  readonly packetsPerSecond: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Listens to a guild without a break while `during` runs and for `afterMs` more. Each look analyses a window
 * reaching back past the previous one, so the windows together cover the span from {@link LOOK_WINDOW_MS}
 * before `during` started: a lost frame, a silence or a change of pitch at any moment shows in some look.
 *
 * @example
 * const heard = await listenAcross(sim, guildId, () => sim.fault({ kind: 'gateway-disconnect' }), 2_000);
 * expect(heard.looks.every((look) => look.gaps === 0)).toBe(true);
 */
export async function listenAcross<T>(
  sim: Simulator,
  guildId: string,
  during: () => T | Promise<T>,
  afterMs: number,
): Promise<HeardAcross<T>> {
  const looks: Look[] = [];
  let lastAtMs = Date.now();
  const look = (): Look => {
    const atMs = Date.now();
    const windowMs = Math.max(LOOK_WINDOW_MS, atMs - lastAtMs + LOOK_OVERLAP_MS);
    if (windowMs > SIMULATOR_HISTORY_MS) {
      throw new Error(`listening stalled for ${atMs - lastAtMs} ms: audio in between is no longer kept`);
    }
    lastAtMs = atMs;
    const analysis = { ...sim.audio(guildId, windowMs), atMs, windowMs };
    looks.push(analysis);
    return analysis;
  };

  const first = look();
  let settled = false;
  const task = Promise.resolve()
    .then(during)
    .finally(() => {
      settled = true;
    });
  // Keep listening whatever `during` does; its outcome is awaited below.
  task.catch(() => undefined);
  while (!settled) {
    await sleep(LOOK_EVERY_MS);
    look();
  }
  const endAt = Date.now() + afterMs;
  while (Date.now() < endAt) {
    await sleep(LOOK_EVERY_MS);
    look();
  }
  const result = await task;
  const last = look();
  const seconds = (last.atMs - first.atMs) / 1_000;
  return { result, looks, packetsPerSecond: (last.totalPackets - first.totalPackets) / seconds };
}
