import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator, type RequestRecord } from '@discord-bot/discord-sim';
import { startToneServer } from '@discord-bot/single-node/sandbox-kit';
import { sleep } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.bench';

/** How long every guild may take to be heard playing after its /play, ms (100 joins on a loaded machine). */
const HEARD_TIMEOUT_MS = 60_000;
/** Pause between two rounds of listening to the guilds not heard yet, ms. */
const HEARD_POLL_MS = 500;
/** Window a guild is listened to, ms: a few frames are enough to tell the tone (and cheap to decode). */
const HEARD_WINDOW_MS = 200;
/** Relative tolerance on the tone's frequency. */
const TONE_TOLERANCE = 0.02;
/** The tone every guild plays. */
const TONE_HZ = 440;

/** The figures of {@link no429}, and what missed its target. */
export interface No429Result {
  readonly report: string;
  /** One line per missed target; empty when the run met them all. */
  readonly failures: readonly string[];
}

/** `route ×count` for each route that answered 429, most first. */
function byRoute(limited: readonly RequestRecord[]): string {
  const counts = new Map<string, number>();
  for (const request of limited) {
    const route = request.route ?? request.path;
    counts.set(route, (counts.get(route) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([route, count]) => `${route} ×${count}`)
    .join(', ');
}

/**
 * Rate limits under load: `guildCount` guilds play at once in the real bot (`npm start`) while their
 * now-playing messages update (progress, pause/resume, volume); counts 429 answers in the simulator's
 * request log. The simulator enforces Discord's global and per-route limits. Its target is absolute, not a
 * ratio to a baseline: zero 429s, with every guild heard playing (a bot that plays nothing sends nothing to
 * be limited); missing either is a failure the caller must turn into a non-zero exit.
 */
export async function no429(guildCount: number, seconds: number): Promise<No429Result> {
  const sim = await startSimulator({ caDir: join(ROOT, '.sim', 'ca'), limits: { identifyWindowMs: 100 } });
  const tones = await startToneServer([{ name: 'a440', hz: TONE_HZ, seconds: seconds + 60 }]);
  const guilds = Array.from({ length: guildCount }, (_, i) => {
    const user = sim.createUser({ username: `listener${i}` }).id;
    const guild = sim.createGuild({ name: `Load ${i}`, ownerId: user });
    sim.setVoiceState({ userId: user, guildId: guild.id, channelId: guild.voiceChannelId });
    return { ...guild, user };
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-429-'));
  // BENCH_BOT_LOG=<file> keeps the bot's log (at BENCH_BOT_LOG_LEVEL, warn by default) for a run to explain.
  const logPath = process.env['BENCH_BOT_LOG'];
  const logOut = logPath === undefined ? 'ignore' : openSync(logPath, 'w');
  const bot = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=source', 'single-node/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? dataDir,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: sim.restBase,
      NODE_EXTRA_CA_CERTS: sim.caPath,
      DATA_DIR: dataDir,
      PORT: '0',
      AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
      LOG_LEVEL: process.env['BENCH_BOT_LOG_LEVEL'] ?? 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', logOut, logOut],
  });
  // A benchmark that fails half-way must not leave the bot running.
  process.once('exit', () => bot.kill('SIGKILL'));
  try {
    await sim.waitForCommand('play', { timeoutMs: 120_000 });
    await sleep(5_000);
    const since = Date.now();
    const invoke = (
      guild: (typeof guilds)[number],
      command: string,
      options: Record<string, string | number> = {},
    ) =>
      sim.invokeCommand({
        userId: guild.user,
        guildId: guild.id,
        channelId: guild.textChannelId,
        command,
        options,
      });
    const plays = new Map<string, string>();
    for (const guild of guilds) {
      plays.set(guild.id, invoke(guild, 'play', { query: tones.urlOf('a440') }).id);
      await sleep(20);
    }
    const heard = new Set<string>();
    const heardBy = Date.now() + HEARD_TIMEOUT_MS;
    while (heard.size < guilds.length && Date.now() < heardBy) {
      for (const guild of guilds) {
        if (heard.has(guild.id)) continue;
        const audio = sim.audio(guild.id, HEARD_WINDOW_MS);
        if (Math.abs(audio.dominantHz - TONE_HZ) <= TONE_HZ * TONE_TOLERANCE) heard.add(guild.id);
      }
      await sleep(HEARD_POLL_MS);
    }
    // Keep every player changing: each guild pauses, resumes or changes volume every few seconds.
    const actions = ['pause', 'resume', 'volume'] as const;
    const endAt = Date.now() + seconds * 1_000;
    for (let tick = 0; Date.now() < endAt; tick += 1) {
      for (const [index, guild] of guilds.entries()) {
        if ((index + tick) % 5 !== 0) continue;
        const action = actions[tick % actions.length] ?? 'pause';
        invoke(guild, action, action === 'volume' ? { percent: 50 + (tick % 50) } : {});
      }
      await sleep(1_000);
    }
    await sleep(6_000);
    const requests = sim.requests(since);
    const limited = requests.filter((request) => request.status === 429);
    const edits = requests.filter(
      (request) => request.method === 'PATCH' && (request.route ?? '').startsWith('PATCH /channels'),
    );
    const speaking = guilds.filter((guild) => sim.audio(guild.id, 1_000).speaking).length;
    const failures: string[] = [];
    if (limited.length > 0) {
      failures.push(`no-429: ${limited.length} answers were 429 (target 0): ${byRoute(limited)}`);
    }
    if (heard.size < guildCount) {
      const silent = guilds.filter((guild) => !heard.has(guild.id)).map((guild) => guild.id);
      if (process.env['BENCH_VERBOSE'] === '1') {
        for (const id of silent) {
          const play = plays.get(id);
          const view = play === undefined ? null : sim.interaction(play);
          const text = guilds.find((guild) => guild.id === id)?.textChannelId ?? '';
          const messages = sim.channelMessages(text).map((message) => message.content);
          console.log(
            `  silent ${id}: ${JSON.stringify(view)} audio ${JSON.stringify(sim.audio(id, 1_000))}`,
          );
          console.log(`  messages ${JSON.stringify(messages)}`);
        }
      }
      failures.push(
        `no-429: only ${heard.size} of ${guildCount} guilds were heard playing within ${HEARD_TIMEOUT_MS / 1_000} s (target all); never heard: ${silent.join(', ')}`,
      );
    }
    const report = [
      `rate limits with ${guildCount} guilds playing for ${seconds} s (target: 0 429s, an absolute target, not a ratio):`,
      `  guilds heard playing ${TONE_HZ} Hz ${heard.size} of ${guildCount} (target all), still speaking at the end ${speaking}`,
      `  REST requests ${requests.length}, now-playing edits ${edits.length}, 429 answers ${limited.length} (target 0)`,
      `  ${failures.length === 0 ? 'PASS: no 429 and every guild heard' : `FAIL: ${failures.length} target(s) missed`}`,
    ].join('\n');
    return { report, failures };
  } finally {
    const exited = new Promise((done) => bot.once('exit', done));
    bot.kill('SIGTERM');
    await exited;
    await tones.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
