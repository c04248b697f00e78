import type { AudioAreaConfig } from './areas/audio.js';
import type { AudioNodeConfig } from './areas/audio-node.js';
import type { DatabaseConfig } from './areas/database.js';
import type { DiscordConfig } from './areas/discord.js';
import type { FeaturesConfig } from './areas/features.js';
import type { HttpConfig } from './areas/http.js';
import type { LavalinkConfig } from './areas/lavalink.js';
import type { LogConfig, NodeEnv } from './areas/log.js';
import type { RedisConfig } from './areas/redis.js';

/** What every process has. */
export interface BaseConfig {
  readonly nodeEnv: NodeEnv;
  readonly log: LogConfig;
}

/** What every service with a health/metrics server has. */
export interface ServerConfig extends BaseConfig {
  readonly http: HttpConfig;
}

/** The gateway: Discord connection, commands, UI. */
export interface GatewayConfig extends ServerConfig {
  readonly discord: DiscordConfig;
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  readonly features: FeaturesConfig;
}

/** The audio service: players and queues on Lavalink nodes. */
export interface AudioConfig extends ServerConfig {
  /** The bot's user id (DISCORD_APPLICATION_ID, or read from DISCORD_TOKEN); undefined when neither is set. */
  readonly botUserId: string | undefined;
  /** Its leave rules (alone and idle timeouts). */
  readonly audio: AudioAreaConfig;
  readonly lavalink: LavalinkConfig;
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  readonly features: FeaturesConfig;
  /** The audio node it embeds when `lavalink.nodes` is undefined. */
  readonly audioNode: AudioNodeConfig;
}

/** The REST API. */
export interface ApiConfig extends ServerConfig {
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  readonly features: FeaturesConfig;
}

/** Background jobs. */
export interface WorkerConfig extends ServerConfig {
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
}

/** The standalone audio node (Lavalink v4 protocol); its metrics live on its own port. */
export interface AudioNodeServiceConfig extends BaseConfig {
  readonly audioNode: AudioNodeConfig;
}

/** All four services and the embedded audio node in one process, one HTTP port. */
export interface SingleNodeConfig extends ServerConfig {
  readonly discord: DiscordConfig;
  readonly database: DatabaseConfig;
  readonly redis: RedisConfig;
  /** The audio service's leave rules. */
  readonly audio: AudioAreaConfig;
  readonly lavalink: LavalinkConfig;
  readonly features: FeaturesConfig;
  readonly audioNode: AudioNodeConfig;
}

/** Config type of each service, by the name `loadServiceConfig` takes. */
export interface ServiceConfigs {
  readonly gateway: GatewayConfig;
  readonly audio: AudioConfig;
  readonly api: ApiConfig;
  readonly worker: WorkerConfig;
  readonly 'audio-node': AudioNodeServiceConfig;
  readonly 'single-node': SingleNodeConfig;
}

/** A process that loads configuration. */
export type ServiceName = keyof ServiceConfigs;

/** Every {@link ServiceName}, in documentation order. */
export const SERVICE_NAMES = [
  'gateway',
  'audio',
  'api',
  'worker',
  'audio-node',
  'single-node',
] as const satisfies readonly ServiceName[];
