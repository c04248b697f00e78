import type { GatewayConfig } from '@discord-bot/config';
import type { StartService } from '@discord-bot/runtime';
import { createDiscordClient } from './infrastructure/discord/create-discord-client.js';
import { DiscordConnection } from './infrastructure/discord/discord-connection.js';
import { registerDiscordMetrics } from './infrastructure/discord/discord-metrics.js';

/** What the gateway needs from its configuration (single-node passes its larger config). */
export type GatewayServiceConfig = Pick<GatewayConfig, 'discord'>;

/**
 * Starts the gateway: a discord.js client logging in to `config.discord.apiBase` in the background,
 * reported as the `discord` readiness check, and closed at shutdown.
 */
export const startGateway: StartService<GatewayServiceConfig> = (context) => {
  const { config, logger, metrics, readiness, lifecycle } = context;
  const client = createDiscordClient(config.discord);
  const connection = new DiscordConnection(client, config.discord.token, logger);

  registerDiscordMetrics(metrics, client, connection);
  readiness.register('discord', () => connection.status());
  lifecycle.onShutdown('discord', () => connection.stop());

  logger.info(
    { apiBase: config.discord.apiBase, shardCount: config.discord.shardCount },
    'logging in to Discord',
  );
  connection.start();
};
