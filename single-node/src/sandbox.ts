/* eslint-disable no-console -- a command-line tool: printing instructions is its job (like the cli.ts files) */
/**
 * `npm run sandbox`: try the bot without Discord. Starts the Discord simulator, seeds a guild with users,
 * serves a few generated tones over HTTP, and starts the bot in single-node mode (`npm start`) pointed at
 * the simulator with a fresh data directory; once the bot is ready, prints how to act as a user through the
 * control API. Ctrl+C (SIGINT) or SIGTERM stops everything and removes the data directory.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startSimulator } from '@discord-bot/discord-sim';
import { startToneServer } from './sandbox/tone-server.js';
import { watchReadiness } from './sandbox/wait-for-ready.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** Port of the simulator; override with SANDBOX_PORT. */
const DEFAULT_SIM_PORT = 8990;
/** The simulator's CA lives here so NODE_EXTRA_CA_CERTS stays valid across runs. */
const CA_DIR = join(ROOT, '.sim', 'ca');
/** A token shaped like Discord's: its first segment is the base64 bot id (123456789012345678). */
const SANDBOX_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.sandbox.sandbox';
/** How long the bot may take to start and register its commands. */
const BOT_READY_TIMEOUT_MS = 120_000;

const TONES = [
  { name: 'a440', hz: 440, seconds: 120 },
  { name: 'a880', hz: 880, seconds: 120 },
  { name: 'e660', hz: 660, seconds: 60 },
] as const;

const simPort = Number(process.env['SANDBOX_PORT'] ?? DEFAULT_SIM_PORT);
const sim = await startSimulator({ port: simPort, caDir: CA_DIR });
const tones = await startToneServer(TONES);

const alice = sim.createUser({ username: 'alice' }).id;
const guild = sim.createGuild({ name: 'Sandbox', ownerId: alice });
const bob = sim.createUser({ username: 'bob', guildId: guild.id }).id;
const dj = sim.createRole({ guildId: guild.id, name: 'DJ', permissions: '0' }).id;
const carol = sim.createUser({ username: 'carol', guildId: guild.id, roles: [dj] }).id;

const dataDir = mkdtempSync(join(tmpdir(), 'discord-bot-sandbox-'));
const logPath = join(dataDir, 'bot.log');
const log = createWriteStream(logPath);
// What `npm start` runs, without npm and its shell in between: a signal to npm stops npm and the shell but
// not the node process under them, so the sandbox's SIGTERM would leave the bot running.
const bot = spawn(process.execPath, ['--import', 'tsx', '--conditions=source', 'single-node/src/main.ts'], {
  cwd: ROOT,
  env: {
    ...process.env,
    DISCORD_TOKEN: SANDBOX_TOKEN,
    DISCORD_API_BASE: sim.restBase,
    NODE_EXTRA_CA_CERTS: sim.caPath,
    DATA_DIR: dataDir,
    DEV_GUILD_ID: guild.id,
    AUDIO_NODE_HTTP_ALLOWLIST: '127.0.0.1',
    LOG_FORMAT: 'json',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
// Both streams feed one file, so neither may end it: a pipe ends its destination when its source ends, and
// the other stream's last lines would then be written after the end, an error that crashed the sandbox before
// it removed the data directory. The file is ended in stop(), once the bot's streams have closed.
bot.stdout.pipe(log, { end: false });
bot.stderr.pipe(log, { end: false });
log.on('error', (error) => console.error(`The bot's log could not be written (${error.message})`));
const streamsClosed = new Promise<void>((done) => bot.once('close', () => done()));
const untilReady = watchReadiness(bot.stdout);

let stopping = false;
async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log('\nStopping the sandbox…');
    if (bot.exitCode === null) {
      const exited = new Promise((done) => bot.once('exit', done));
      bot.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
      if (bot.exitCode === null && bot.signalCode === null) {
        // Killed, the bot may still write its files for a moment: the removal below must come after it.
        bot.kill('SIGKILL');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 5_000))]);
      }
    }
    await tones.close();
    await sim.stop();
    // The log's last writes must land before its directory goes, or the removal can meet a file still being
    // written (ENOTEMPTY) and leave the directory behind.
    await Promise.race([streamsClosed, new Promise((done) => setTimeout(done, 2_000))]);
    await new Promise<void>((done) => log.end(done));
    try {
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 10 });
    } catch (error) {
      // Never an unhandled rejection that skips the exit: say what is left behind instead.
      console.error(`Could not remove ${dataDir}: ${(error as Error).message}`);
    }
  }
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
bot.once('exit', (exitCode) => {
  if (stopping) return;
  console.error(`The bot exited (code ${exitCode}); its log: ${logPath}`);
  void stop(1);
});

console.log(`Simulator on ${sim.baseUrl}; starting the bot (log: ${logPath})…`);
try {
  await sim.waitForCommand('play', { guildId: guild.id, timeoutMs: BOT_READY_TIMEOUT_MS });
} catch {
  console.error(`The bot did not register its commands in time; see ${logPath}`);
  await stop(1);
}
try {
  // Registered commands are not enough: the first /play needs the database, the audio service and its node.
  await untilReady(BOT_READY_TIMEOUT_MS);
} catch {
  console.error(`The bot did not get ready in time; see ${logPath}`);
  await stop(1);
}

const api = `${sim.baseUrl}/_sim`;
const json = (body: object) => `-H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
const command = (userId: string, name: string, options: object = {}) =>
  `curl -s ${api}/interactions ${json({ userId, guildId: guild.id, channelId: guild.textChannelId, command: name, options })}`;

console.log(`
The sandbox is ready: guild "Sandbox" with #general (${guild.textChannelId}) and voice "General" (${guild.voiceChannelId}).
Users: alice ${alice} (owner), bob ${bob}, carol ${carol} (role DJ ${dj}). Tracks: ${TONES.map((t) => tones.urlOf(t.name)).join(' ')}

Act as alice:
  # join the voice channel
  curl -s ${api}/voice ${json({ userId: alice, guildId: guild.id, channelId: guild.voiceChannelId })}
  # /play a tone (answers {"id": "<interaction id>"})
  ${command(alice, 'play', { query: tones.urlOf('a440') })}
  # see the bot's answer to that interaction
  curl -s ${api}/interactions/<interaction id>
  # listen: dominant frequency, level and packet rate of what the bot plays
  curl -s '${api}/voice/${guild.id}/audio?windowMs=1000'
  # more commands: /pause, /resume, /skip, /volume, /seek, /queue, /nowplaying, /loop, /stop, /leave…
  ${command(alice, 'volume', { percent: 50 })}
  ${command(alice, 'seek', { position: '1:00' })}
  # the channel, with the live now-playing message and its buttons (ids in "components")
  curl -s ${api}/channels/${guild.textChannelId}/messages
  # press a button of a message (customId np:pause, np:skip, np:loop:track, queue:2…)
  curl -s ${api}/components ${json({ userId: alice, messageId: '<message id>', customId: 'np:pause' })}
  # kick the bot from voice
  curl -s ${api}/voice ${json({ userId: '123456789012345678', guildId: guild.id, channelId: null })}

The simulator's control API is described in packages/discord-sim/README.md. Ctrl+C stops everything.`);
