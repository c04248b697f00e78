import { Gauge, type Registry } from '@discord-bot/observability';
import type { Client } from 'discord.js';
import type { VoiceStateStore } from '../../domain/services/voice-state-store.js';
import type { DiscordConnection } from './discord-connection.js';

/** Registers the gateway's Discord gauges; values are read at scrape time, so nothing needs updating. */
export function registerDiscordMetrics(
  registry: Registry,
  client: Client,
  connection: DiscordConnection,
  voiceStates: Pick<VoiceStateStore, 'guildCount'>,
): void {
  new Gauge({
    name: 'gateway_discord_connected',
    help: '1 when every shard of this process is connected to Discord, else 0.',
    registers: [registry],
    collect() {
      this.set(connection.status().state === 'up' ? 1 : 0);
    },
  });
  new Gauge({
    name: 'gateway_discord_ping_seconds',
    help: 'Average heartbeat round trip of the shards, in seconds (-1 before the first heartbeat).',
    registers: [registry],
    collect() {
      const ping = client.ws.ping;
      this.set(ping >= 0 ? ping / 1_000 : -1);
    },
  });
  new Gauge({
    name: 'gateway_guilds',
    help: 'Guilds the shards of this process carry (available or not).',
    registers: [registry],
    collect() {
      this.set(voiceStates.guildCount);
    },
  });
  new Gauge({
    name: 'gateway_discord_login_failures',
    help: 'Failed Discord login attempts since start.',
    registers: [registry],
    collect() {
      this.set(connection.failures);
    },
  });
}
