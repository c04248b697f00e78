import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator } from '@discord-bot/discord-sim';
import { startToneServer } from '@discord-bot/single-node/sandbox-kit';
import { sleep } from './stats.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.bench.bench';

/**
 * Rate limits under load: `guildCount` guilds play at once in the real bot (`npm start`) while their
 * now-playing messages update (progress, pause/resume, volume); counts 429 answers in the simulator's
 * request log. The simulator enforces Discord's global and per-route limits.
 */
export async function no429(guildCount: number, seconds: number): Promise<string> {
  const sim = await startSimulator({ caDir: join(ROOT, '.sim', 'ca'), limits: { identifyWindowMs: 100 } });
  const tones = await startToneServer([{ name: 'a440', hz: 440, seconds: seconds + 60 }]);
  const guilds = Array.from({ length: guildCount }, (_, i) => {
    const user = sim.createUser({ username: `listener${i}` }).id;
    const guild = sim.createGuild({ name: `Load ${i}`, ownerId: user });
    sim.setVoiceState({ userId: user, guildId: guild.id, channelId: guild.voiceChannelId });
    return { ...guild, user };
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-429-'));
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
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
    },
    stdio: ['ignore', 'ignore', 'ignore'],
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
    for (const guild of guilds) {
      invoke(guild, 'play', { query: tones.urlOf('a440') });
      await sleep(20);
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
    const playing = guilds.filter((guild) => sim.audio(guild.id, 1_000).speaking).length;
    return [
      `rate limits with ${guildCount} guilds playing for ${seconds} s (${playing} still speaking at the end):`,
      `  REST requests ${requests.length}, now-playing edits ${edits.length}, 429 answers ${limited.length} (target 0)`,
    ].join('\n');
  } finally {
    const exited = new Promise((done) => bot.once('exit', done));
    bot.kill('SIGTERM');
    await exited;
    await tones.close();
    await sim.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
