export { loadServiceConfig, CONFIG_EXIT_CODE, type LoadServiceConfigOptions } from './load-service-config.js';
export { parseServiceConfig, type Environment } from './parse-service-config.js';
export { readEnvFile } from './read-env-file.js';
export { ConfigError, ConfigFileError } from './config-error.js';
export type { ConfigProblem } from './config-problem.js';
export { formatProblems } from './format-problems.js';
export { describeVariables, type VariableInfo } from './variable-catalog.js';
export { SERVICE_SCHEMAS } from './service-schemas.js';
export {
  SERVICE_NAMES,
  type ServiceName,
  type ServiceConfigs,
  type BaseConfig,
  type ServerConfig,
  type GatewayConfig,
  type AudioConfig,
  type ApiConfig,
  type WorkerConfig,
  type AudioNodeServiceConfig,
  type SingleNodeConfig,
} from './service-configs.js';
export type { VariableMeta } from './fields.js';
export { DEFAULT_AUDIO_NODE_PORT, isAllowlistEntry, type AudioNodeConfig } from './areas/audio-node.js';
export {
  DEFAULT_DISCORD_API_BASE,
  botUserIdOf,
  userIdFromToken,
  type DiscordConfig,
} from './areas/discord.js';
export type { DatabaseConfig } from './areas/database.js';
export type { RedisConfig } from './areas/redis.js';
export type { LavalinkConfig, LavalinkNodeConfig } from './areas/lavalink.js';
export type { FeaturesConfig } from './areas/features.js';
export {
  DEFAULT_ALONE_TIMEOUT_SECONDS,
  DEFAULT_IDLE_TIMEOUT_SECONDS,
  type AudioAreaConfig,
} from './areas/audio.js';
export { DEFAULT_PORTS, type HttpConfig } from './areas/http.js';
export {
  LOG_LEVEL_VALUES,
  NODE_ENV_VALUES,
  type LogConfig,
  type LogLevelName,
  type NodeEnv,
} from './areas/log.js';
