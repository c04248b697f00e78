import { join } from 'node:path';
import { MemoryRateLimitStore, RedisRateLimitStore } from '@discord-bot/commands';
import type { GatewayConfig } from '@discord-bot/config';
import type { StartService } from '@discord-bot/runtime';
import { COMMAND_FINGERPRINT_FILE } from './constants.js';
import { cachedGuildPolicy } from './domain/services/guild-policy.js';
import { VoiceStateStore } from './domain/services/voice-state-store.js';
import { createDiscordClient } from './infrastructure/discord/create-discord-client.js';
import { DiscordConnection } from './infrastructure/discord/discord-connection.js';
import { registerDiscordMetrics } from './infrastructure/discord/discord-metrics.js';
import { feedVoiceStates } from './infrastructure/discord/voice-state-feed.js';
import { FileFingerprintStore } from './infrastructure/persistence/fingerprint-store.js';
import { wireGateway } from './wire-gateway.js';

/** What the gateway needs from its configuration (single-node passes its larger config). */
export type GatewayServiceConfig = Pick<GatewayConfig, 'discord' | 'database'>;

/**
 * Starts the gateway: a discord.js client logging in to `config.discord.apiBase` in the background,
 * reported as the `discord` readiness check, wired to the command pipeline and the buses, closed at shutdown.
 */
export const startGateway: StartService<GatewayServiceConfig> = async (context) => {
  const { config, logger, metrics, readiness, lifecycle, platform } = context;
  const client = createDiscordClient(config.discord);
  const voiceStates = new VoiceStateStore();
  feedVoiceStates(client, voiceStates);
  const connection = new DiscordConnection(
    client,
    config.discord.token,
    logger,
    () => voiceStates.guildCount,
  );
  const bus = platform.commandBus();
  lifecycle.onShutdown('gateway command bus', () => bus.close());
  const redis = platform.redis();

  const unwire = await wireGateway({
    client,
    voiceStates,
    logger,
    bus,
    uiEvents: platform.uiEvents(),
    toAudio: platform.toAudio(),
    toDiscord: platform.toDiscord(),
    rateLimits: redis === null ? new MemoryRateLimitStore() : new RedisRateLimitStore(redis),
    guildPolicy: cachedGuildPolicy(async (guildId) => {
      const database = await platform.database();
      return (await database.guildSettings.get(guildId)).djRoleId;
    }),
    premiumPolicy: { allows: () => Promise.resolve({ allowed: true }) },
    fingerprints: new FileFingerprintStore(join(config.database.dataDir, COMMAND_FINGERPRINT_FILE)),
    apiBase: config.discord.apiBase,
    devGuildId: config.discord.devGuildId,
    metrics,
  });
  lifecycle.onShutdown('gateway wiring', unwire);

  registerDiscordMetrics(metrics, client, connection, voiceStates);
  readiness.register('discord', () => connection.status());
  lifecycle.onShutdown('discord', () => connection.stop());

  logger.info(
    { apiBase: config.discord.apiBase, shardCount: config.discord.shardCount },
    'logging in to Discord',
  );
  connection.start();
};
