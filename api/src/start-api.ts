import type { ApiConfig } from '@discord-bot/config';
import type { StartService } from '@discord-bot/runtime';

/** What the API needs from its configuration (single-node passes its larger config). */
export type ApiServiceConfig = Pick<ApiConfig, 'database' | 'redis'>;

/**
 * Starts the REST API. Today it serves only the host's `/health`, `/ready` and `/metrics`; routes and
 * the `database` readiness check arrive with the API itself.
 */
export const startApi: StartService<ApiServiceConfig> = (context) => {
  const { config, logger } = context;
  logger.info(
    {
      database: config.database.url === undefined ? 'embedded' : 'postgres',
      redis: config.redis.url === undefined ? 'in-process' : 'redis',
    },
    'api started',
  );
};
