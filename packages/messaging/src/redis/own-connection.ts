import type { Logger } from '@discord-bot/logger';
import type { Redis } from 'ioredis';

/**
 * Opens a connection of our own from a template, and reports its outages once each (ioredis emits an
 * `error` per failed reconnect attempt, and an unhandled one is printed to stderr).
 *
 * @param name - client name shown by CLIENT LIST (set again on every reconnect), when given.
 */
export function ownConnection(template: Redis, logger: Logger, role: string, name?: string): Redis {
  const connection = name === undefined ? template.duplicate() : template.duplicate({ connectionName: name });
  let down = false;
  connection.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: error, role }, 'redis connection lost; reconnecting');
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info({ role }, 'redis connection back');
  });
  return connection;
}
