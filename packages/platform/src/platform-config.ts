import type { AudioNodeConfig, DatabaseConfig, LavalinkConfig, RedisConfig } from '@discord-bot/config';

/**
 * The areas of a service's config the platform reads. Each is optional because not every service has every
 * area (the worker has no `lavalink`); asking for a resource whose area is missing is a wiring bug and throws.
 */
export interface PlatformConfig {
  readonly database?: DatabaseConfig;
  readonly redis?: RedisConfig;
  readonly lavalink?: LavalinkConfig;
  /** Settings of the embedded audio node; loopback, any free port and a random password when absent. */
  readonly audioNode?: AudioNodeConfig;
}
