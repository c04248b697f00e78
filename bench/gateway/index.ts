/**
 * gateway: the Discord side against the simulator, each figure beside a baseline measured in this run.
 *
 *   npm run bench -- gateway
 *
 * 1. interaction acknowledgement p50/p99: our gateway vs a bare discord.js bot deferring at once, interleaved,
 *    timed to a fraction of a millisecond by the simulator (target p99 <= 2x)
 * 2. gateway heap per 1,000 guilds: our client (no guild caches) and voice-state store vs discord.js defaults
 *    (target <= 0.25x)
 * 3. command to first audio p50/p99 (interaction -> first RTP packet): the real bot (`npm start`) vs a minimal
 *    @discordjs/voice bot playing the same file (target p50 <= 1.5x; BENCH_FIRST_AUDIO_BASELINE=0 skips it)
 * 4. 429 answers while 100 guilds play and update their now-playing messages (target 0, absolute: any 429, or a
 *    guild never heard playing, prints FAIL and exits 1)
 *
 * Env: BENCH_ACK_COUNT (1000), BENCH_HEAP_GUILDS (1000), BENCH_HEAP_MEMBERS (20), BENCH_AUDIO_ROUNDS (10),
 * BENCH_LOAD_GUILDS (100), BENCH_LOAD_SECONDS (30), BENCH_ONLY (comma list of ack,heap,audio,load),
 * BENCH_VERBOSE=1 (per-round times; for each guild never heard, its /play answer, audio and messages),
 * BENCH_BOT_LOG=<file> with BENCH_BOT_LOG_LEVEL (warn) to keep the load run's bot log.
 * Needs ffmpeg on PATH (the embedded audio node) and NODE_EXTRA_CA_CERTS=.sim/ca/ca.pem for the baseline
 * voice bot (the real bot gets it from its environment).
 */
import { ackLatency } from './ack-latency.js';
import { firstAudio } from './first-audio.js';
import { heapPerGuild } from './heap-per-guild.js';
import { no429 } from './no-429.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const only = new Set((process.env['BENCH_ONLY'] ?? 'ack,heap,audio,load').split(','));

if (only.has('ack')) console.log(await ackLatency(env('BENCH_ACK_COUNT', 1_000)));
if (only.has('heap')) {
  console.log(await heapPerGuild(env('BENCH_HEAP_GUILDS', 1_000), env('BENCH_HEAP_MEMBERS', 20)));
}
if (only.has('audio')) {
  const withBaseline = process.env['BENCH_FIRST_AUDIO_BASELINE'] !== '0';
  console.log(await firstAudio(env('BENCH_AUDIO_ROUNDS', 10), withBaseline));
}
if (only.has('load')) {
  const load = await no429(env('BENCH_LOAD_GUILDS', 100), env('BENCH_LOAD_SECONDS', 30));
  console.log(load.report);
  // The one benchmark with an absolute target: missing it fails the run (npm run bench exits non-zero).
  for (const failure of load.failures) console.error(`FAIL ${failure}`);
  if (load.failures.length > 0) process.exitCode = 1;
}
