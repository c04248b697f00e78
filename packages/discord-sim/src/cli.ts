/**
 * `npm run sim`: an offline Discord for trying the bot by hand. Starts the simulator with a seeded guild,
 * prints what to give the bot (DISCORD_API_BASE, NODE_EXTRA_CA_CERTS) and how to act as a user, and
 * stops cleanly on SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger, LOG_LEVELS, type LogLevel } from '@discord-bot/logger';
import { seedDevelopmentGuild } from './seed.js';
import { startSimulator } from './simulator.js';
import type { VoiceEncryptionMode } from './voice/voice-server-contract.js';

const DEFAULT_PORT = 8990;
const DEFAULT_CA_DIR = '.sim/ca';
const MODES: readonly VoiceEncryptionMode[] = ['aead_aes256_gcm_rtpsize', 'aead_xchacha20_poly1305_rtpsize'];

const USAGE = `Usage: npm run sim -- [--port ${DEFAULT_PORT}] [--host 127.0.0.1] [--ca-dir ${DEFAULT_CA_DIR}]
                      [--mode aead_aes256_gcm_rtpsize|aead_xchacha20_poly1305_rtpsize] [--log-level info]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      'ca-dir': { type: 'string', default: DEFAULT_CA_DIR },
      mode: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    fail(`--port must be 0-65535, got ${values.port}`);
  const mode = MODES.find((m) => m === values.mode);
  if (values.mode !== undefined && mode === undefined) fail(`--mode must be one of ${MODES.join(', ')}`);
  const level = LOG_LEVELS.find((l) => l === values['log-level']);
  if (level === undefined) fail(`--log-level must be one of ${LOG_LEVELS.join(', ')}`);

  const logger = createLogger({ service: 'discord-sim', level: level satisfies LogLevel, pretty: true });
  const sim = await startSimulator({
    port,
    host: values.host,
    caDir: resolve(values['ca-dir']),
    logger,
    ...(mode === undefined ? {} : { voice: { modes: [mode] } }),
  });
  const seed = seedDevelopmentGuild(sim);

  console.log(`
Discord simulator running.

  DISCORD_API_BASE=${sim.restBase}
  NODE_EXTRA_CA_CERTS=${sim.caPath}     (start the bot with it: Node reads it at start only)

  Any bot token works. Guild "Sim Guild" ${seed.guildId}
    #general  ${seed.textChannelId}
    General   ${seed.voiceChannelId} (voice)
    alice     ${seed.users.alice} (owner)    bob ${seed.users.bob}

  Act as alice, e.g.:
    curl -s -XPOST ${sim.baseUrl}/_sim/voice -d '{"userId":"${seed.users.alice}","guildId":"${seed.guildId}","channelId":"${seed.voiceChannelId}"}'
    curl -s -XPOST ${sim.baseUrl}/_sim/interactions -d '{"userId":"${seed.users.alice}","guildId":"${seed.guildId}","channelId":"${seed.textChannelId}","command":"play","options":{"query":"..."}}'
    curl -s ${sim.baseUrl}/_sim/state
  Control API reference: packages/discord-sim/README.md

Ctrl+C stops it.
`);

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the simulator');
    sim.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'simulator did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error('discord-sim failed to start:', error);
  process.exit(1);
});
