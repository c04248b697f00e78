import type { LavalinkNodeConfig } from '@discord-bot/config';
import type { Database } from '@discord-bot/database';
import type { CommandBus, EventBus, StreamBus } from '@discord-bot/messaging';
import type { Redis } from 'ioredis';

/**
 * The shared infrastructure of one process, chosen by configuration (never by different code): the
 * database, the buses and the audio nodes. Every accessor creates its resource on first use, once per
 * platform, registers its readiness check and closes it at shutdown. In single-node mode the four services
 * share one platform, so they talk through one in-process broker; each distributed process has its own.
 *
 * @example
 * const db = await context.platform.database();
 * const bus = context.platform.commandBus();
 * await bus.consume(dispatchByType(handlers));
 */
export interface Platform {
  /** PostgreSQL (`DATABASE_URL`) or PGlite in `DATA_DIR`, migrated. */
  database(): Promise<Database>;
  /**
   * A NEW command bus on each call (a service owns its sender or consumer, and closes it), over Redis
   * Streams with `REDIS_URL`, else over the process's one in-process broker.
   */
  commandBus(): CommandBus;
  /** The process's `ui:now` bus (Redis pub/sub or in-process). Shared: subscribe, never close it. */
  uiEvents(): EventBus;
  /** The process's `to-audio` stream (voice events to the audio service). Shared: never close it. */
  toAudio(): StreamBus;
  /** The process's `to-discord` stream (gateway payloads from the audio service). Shared: never close it. */
  toDiscord(): StreamBus;
  /** The process's template Redis connection (`REDIS_URL`), or null when everything runs in-process. */
  redis(): Redis | null;
  /**
   * The audio nodes: `LAVALINK_NODES`, else the embedded audio node, started once on first call (loopback,
   * random password unless configured) and closed at shutdown.
   */
  audioNodes(): Promise<readonly LavalinkNodeConfig[]>;
}
