/**
 * audio-node: N players streaming MP3 with volume and a 4-band equalizer through the playback engine
 * (worker-thread decode + resample + DSP + Opus encode, main-thread drift-free pacing), beside a floor of
 * bare MP3 decode + Opus encode of the same file in a tight loop, measured in the same run.
 *
 *   npm run bench -- audio-node
 *   npx tsx --conditions=source bench/audio-node/index.ts
 *
 * Voice output goes to a null sink: the cost measured is decode + DSP + encode + pacing, not UDP/encryption.
 * Env: BENCH_SECONDS (measured seconds per step, default 8), BENCH_STEPS (player counts, default
 * 10,25,50,75,100,125,150,200; stops at the first step with a deficit of 1% or more).
 */
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createSilentLogger } from '@discord-bot/logger';
import {
  createAudioEngine,
  nullVoiceSinkFactory,
  type EngineTrack,
  type VoiceTarget,
} from '@discord-bot/audio-node/engine';
import { MPEGDecoder } from 'mpg123-decoder';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const STEPS = (process.env.BENCH_STEPS ?? '10,25,50,75,100,125,150,200').split(',').map(Number);
const WARM_UP_MS = 2_000;
const FLOOR_SECONDS = 4;
const MAX_DEFICIT = 0.01;
const TARGET_RATIO = 1.5;
const TARGET_PLAYERS = 50;
const CHUNK_BYTES = 16_384;
/** Discord voice frames: 20 ms each. */
const FRAMES_PER_SECOND = 50;
const EQUALIZER = [
  { band: 0, gain: 0.2 },
  { band: 1, gain: 0.15 },
  { band: 5, gain: -0.1 },
  { band: 10, gain: 0.1 },
];

const require = createRequire(import.meta.url);
const { OpusEncoder } = require('@discordjs/opus') as {
  OpusEncoder: new (
    rate: number,
    channels: number,
  ) => { encode(pcm: Buffer): Buffer; setBitrate(bps: number): void };
};

const fixture = readFileSync(new URL('../../audio-node/test/fixtures/tone-440hz-3s.mp3', import.meta.url));
/** The 3 s fixture repeated to a minute, so no player finishes during a step. */
const mp3 = Buffer.concat(Array.from({ length: 20 }, () => fixture));

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The floor: decode the MP3 and Opus-encode every 20 ms of it, nothing else (no resampling), on one thread. */
async function measureFloor(): Promise<number> {
  const decoder = new MPEGDecoder();
  await decoder.ready;
  const encoder = new OpusEncoder(48_000, 2);
  encoder.setBitrate(64_000);
  const pcm = Buffer.alloc(960 * 4);
  const view = new Int16Array(pcm.buffer, pcm.byteOffset, 960 * 2);
  let audioSeconds = 0;
  const started = cpuMs();
  const wallStart = performance.now();
  while (performance.now() - wallStart < FLOOR_SECONDS * 1000) {
    for (let at = 0; at < mp3.length; at += CHUNK_BYTES) {
      const out = decoder.decode(mp3.subarray(at, at + CHUNK_BYTES));
      const [left, right] = out.channelData;
      if (left === undefined) continue;
      // One Opus frame per 20 ms of source audio, as the engine (and Lavalink) sends after resampling to
      // 48 kHz: stepping by 960 source samples would encode only 45.9 frames per second of 44.1 kHz audio.
      const step = Math.round(out.sampleRate / FRAMES_PER_SECOND);
      for (let from = 0; from + 960 <= out.samplesDecoded; from += step) {
        for (let i = 0; i < 960; i++) {
          view[i * 2] = (left[from + i] ?? 0) * 32_767;
          view[i * 2 + 1] = ((right ?? left)[from + i] ?? 0) * 32_767;
        }
        encoder.encode(pcm);
      }
      audioSeconds += out.samplesDecoded / out.sampleRate;
    }
  }
  const spent = cpuMs() - started;
  decoder.free();
  return spent / audioSeconds;
}

function track(): EngineTrack {
  return {
    identifier: 'bench.mp3',
    isStream: false,
    isSeekable: true,
    lengthMs: 60_000,
    open: () => {
      const chunks: Buffer[] = [];
      for (let at = 0; at < mp3.length; at += CHUNK_BYTES) chunks.push(mp3.subarray(at, at + CHUNK_BYTES));
      return Promise.resolve({ stream: Readable.from(chunks), format: 'mp3' });
    },
  };
}

interface StepResult {
  readonly players: number;
  readonly cpuMsPerStreamSecond: number;
  readonly deficit: number;
  readonly nulled: number;
  readonly eventLoopP99Ms: number;
  readonly rssMb: number;
}

async function runStep(players: number): Promise<StepResult> {
  const engine = createAudioEngine({ logger: createSilentLogger(), voice: nullVoiceSinkFactory() });
  for (let index = 0; index < players; index++) {
    const guildId = String(100_000_000_000_000_000n + BigInt(index));
    const voice: VoiceTarget = {
      guildId,
      userId: '1',
      channelId: '2',
      sessionId: 's',
      token: 't',
      endpoint: 'null',
    };
    const player = engine.createPlayer(guildId, voice.userId);
    player.connect(voice);
    player.setVolume(80);
    player.setFilters({ equalizer: EQUALIZER });
    player.play(track(), { positionMs: 0, endTimeMs: null, paused: false });
  }
  await new Promise((resolve) => setTimeout(resolve, WARM_UP_MS));
  const before = engine.frameCounters();
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const cpuStart = cpuMs();
  const wallStart = performance.now();
  await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
  const wall = (performance.now() - wallStart) / 1000;
  const rssMb = process.memoryUsage().rss / 1_048_576;
  const cpu = cpuMs() - cpuStart;
  delay.disable();
  const after = engine.frameCounters();
  await engine.close();
  const expected = after.expected - before.expected;
  const sent = after.sent - before.sent;
  return {
    players,
    cpuMsPerStreamSecond: cpu / (players * wall),
    deficit: expected === 0 ? 1 : (expected - sent) / expected,
    nulled: after.nulled - before.nulled,
    eventLoopP99Ms: delay.percentile(99) / 1e6,
    rssMb,
  };
}

const floor = await measureFloor();
const load = (): string => loadavg()[0]!.toFixed(1);
console.log(
  `audio-node bench on ${availableParallelism()} cores, load average ${load()} at start (shared machine)`,
);
console.log(
  'players: MP3 64 kbit/s 44.1 kHz, volume 80, 4-band equalizer; voice to a null sink, so the cost is',
);
console.log(
  'decode + resample + DSP + Opus encode + pacing (no UDP, no encryption); CPU = whole process, all threads',
);
console.log(`floor: bare MP3 decode + Opus encode = ${floor.toFixed(2)} ms CPU per second of audio\n`);
console.log('players  cpu/stream(ms/s)  x floor  deficit   nulled  event-loop p99      rss');
const results: StepResult[] = [];
for (const players of STEPS) {
  const result = await runStep(players);
  results.push(result);
  console.log(
    `${String(players).padStart(7)}  ${result.cpuMsPerStreamSecond.toFixed(2).padStart(16)}  ${(result.cpuMsPerStreamSecond / floor).toFixed(2).padStart(7)}  ${(result.deficit * 100).toFixed(2).padStart(6)}%  ${String(result.nulled).padStart(7)}  ${result.eventLoopP99Ms.toFixed(1).padStart(11)} ms  ${result.rssMb.toFixed(0).padStart(5)} MB`,
  );
  if (result.deficit >= MAX_DEFICIT) break;
}

const passing = results.filter((result) => result.deficit < MAX_DEFICIT);
const best = passing.at(-1);
const atTarget = results.find((result) => result.players === TARGET_PLAYERS) ?? best;
console.log('');
console.log(`highest N with deficit < 1%: ${best?.players ?? 0} (target >= ${TARGET_PLAYERS})`);
if (atTarget !== undefined) {
  const ratio = atTarget.cpuMsPerStreamSecond / floor;
  console.log(
    `CPU per stream at N=${atTarget.players}: ${atTarget.cpuMsPerStreamSecond.toFixed(2)} ms/s = ${ratio.toFixed(2)}x the floor (target <= ${TARGET_RATIO}x)`,
  );
  console.log(`event-loop delay p99 at N=${atTarget.players}: ${atTarget.eventLoopP99Ms.toFixed(1)} ms`);
}
console.log(`load average ${load()} at the end`);
