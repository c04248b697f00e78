import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { startToneServer, type ToneServer } from '@discord-bot/single-node/sandbox-kit';
import { ratio, sleep, summary } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.bench';

interface Arena {
  sim: Simulator;
  guilds: { id: string; textChannelId: string; voiceChannelId: string; user: string }[];
}

async function arena(rounds: number): Promise<Arena> {
  const sim = await startSimulator({ caDir: join(ROOT, '.sim', 'ca'), limits: { identifyWindowMs: 100 } });
  const guilds = Array.from({ length: rounds }, (_, i) => {
    const user = sim.createUser({ username: `listener${i}` }).id;
    const guild = sim.createGuild({ name: `Audio ${i}`, ownerId: user });
    sim.setVoiceState({ userId: user, guildId: guild.id, channelId: guild.voiceChannelId });
    return { ...guild, user };
  });
  return { sim, guilds };
}

/** `/play` in each guild in turn; ms from the interaction to the first RTP packet at the simulator. */
async function playRounds(a: Arena, url: string): Promise<number[]> {
  const times: number[] = [];
  for (const guild of a.guilds) {
    const started = performance.now();
    const { id } = a.sim.invokeCommand({
      userId: guild.user,
      guildId: guild.id,
      channelId: guild.textChannelId,
      command: 'play',
      options: { query: url },
    });
    for (;;) {
      // The measure: the first RTP packet at the simulator.
      const heard = a.sim.audio(guild.id, 100);
      if (heard.totalPackets > 0) break;
      if (performance.now() - started > 20_000) {
        throw new Error(
          `no audio in guild ${guild.id}: ${JSON.stringify(heard)} ${JSON.stringify(a.sim.interaction(id))}`,
        );
      }
      await sleep(5);
    }
    times.push(performance.now() - started);
    if (process.env['BENCH_VERBOSE'] === '1')
      console.log(`  round ${times.length}: ${Math.round(times.at(-1) ?? 0)} ms`);
    await sleep(200);
  }
  return times;
}

/** The minimal bot in its own process (its Opus encoder apart from the simulator's decoder). */
async function minimalBot(a: Arena): Promise<() => Promise<void>> {
  const bot = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=source', join(import.meta.dirname, 'minimal-voice-bot.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, DISCORD_API_BASE: a.sim.restBase, NODE_EXTRA_CA_CERTS: a.sim.caPath },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  process.once('exit', () => bot.kill('SIGKILL'));
  await a.sim.waitForCommand('play', { timeoutMs: 60_000 });
  return async () => {
    const exited = new Promise((done) => bot.once('exit', done));
    bot.kill('SIGTERM');
    await exited;
  };
}

/** The real bot in single-node mode (`npm start`), as its own process. */
async function realBot(a: Arena): Promise<() => Promise<void>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-first-audio-'));
  const bot = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['--conditions=source', 'single-node/src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? dataDir,
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: a.sim.restBase,
      NODE_EXTRA_CA_CERTS: a.sim.caPath,
      DATA_DIR: dataDir,
      PORT: '0',
      AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A benchmark that fails half-way must not leave the bot running.
  process.once('exit', () => bot.kill('SIGKILL'));
  bot.on('exit', (code) => {
    if (code !== null && code !== 0) console.error(`the bot exited with ${code}`);
  });
  await a.sim.waitForCommand('play', { timeoutMs: 120_000 });
  // Let the audio service finish starting (database, node connection) before the first command.
  await sleep(5_000);
  return async () => {
    const exited = new Promise((done) => bot.once('exit', done));
    bot.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}

/**
 * Command to first audio: the interaction is created -> the simulator hears the tone. Our bot (gateway,
 * bus, audio service, embedded audio node, all in `npm start`) vs a minimal bot playing the same file with
 * @discordjs/voice in this process.
 */
export async function firstAudio(rounds: number, withBaseline: boolean): Promise<string> {
  const tones: ToneServer = await startToneServer([{ name: 'a440', hz: 440, seconds: 30 }]);
  const url = tones.urlOf('a440');

  let baseline: number[] = [];
  if (withBaseline) {
    const baseArena = await arena(rounds + 2);
    const stopBase = await minimalBot(baseArena);
    baseline = (await playRounds(baseArena, url)).slice(2);
    await stopBase();
    await baseArena.sim.stop();
  }

  const ourArena = await arena(rounds + 2);
  const stopOurs = await realBot(ourArena);
  const ours = (await playRounds(ourArena, url)).slice(2);
  await stopOurs();
  await ourArena.sim.stop();
  await tones.close();

  const o = summary(ours);
  const lines = [`command to first audio (ms, n=${o.n}, first two rounds dropped as warm-up):`];
  if (withBaseline) {
    const b = summary(baseline);
    lines.push(`  minimal @discordjs/voice bot: p50 ${b.p50}  p99 ${b.p99}`);
    lines.push(
      `  our bot (npm start):          p50 ${o.p50}  p99 ${o.p99}   p50 ratio ${ratio(o.p50, b.p50)} (target <= 1.5)`,
    );
  } else {
    lines.push(`  our bot (npm start):          p50 ${o.p50}  p99 ${o.p99}`);
    lines.push('  baseline skipped (BENCH_FIRST_AUDIO_BASELINE=0)');
  }
  return lines.join('\n');
}
