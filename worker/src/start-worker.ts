import type { WorkerConfig } from '@discord-bot/config';
import type { StartService } from '@discord-bot/runtime';

/** What the worker needs from its configuration (single-node passes its larger config). */
export type WorkerServiceConfig = Pick<WorkerConfig, 'database' | 'redis'>;

/**
 * Starts the background-job worker. Today it has no queues; job processors and their readiness checks
 * (`redis`, `database`) arrive with the jobs themselves.
 */
export const startWorker: StartService<WorkerServiceConfig> = (context) => {
  const { config, logger } = context;
  logger.info({ jobs: config.redis.url === undefined ? 'in-process' : 'redis' }, 'worker started');
};
