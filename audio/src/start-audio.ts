import { down, up } from '@discord-bot/observability';
import type { StartService } from '@discord-bot/runtime';
import { createAudioService } from './audio-service.js';
import { resolveBotUserId, type AudioServiceConfig } from './audio-service-config.js';
import type { AudioServiceOptions } from './audio-service-options.js';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LocalGuildOwnership } from './ownership/guild-ownership.js';
import { redisInboxOpener } from './ownership/inbox-openers.js';
import { RedisGuildOwnership } from './ownership/redis-guild-ownership.js';
import { ReplicaInboxes } from './ownership/replica-inboxes.js';
import { FileNodeSessionStore } from './persistence/file-node-session-store.js';
import { RedisNodeSessionStore } from './persistence/redis-node-session-store.js';
import { DefaultAudioServiceOptions } from './audio-service-options.js';

/**
 * Starts the audio service on the process's platform: audio nodes (configured or embedded), database and
 * buses. Connecting and restoring run in the background (readiness `lavalink` says when it is up); commands
 * sent meanwhile wait on the bus and run once it consumes. The leave timeouts come from the configuration
 * (`AUDIO_ALONE_TIMEOUT_SECONDS`, `AUDIO_IDLE_TIMEOUT_SECONDS`); `overrides` win over it (tests).
 */
export function startAudioWith(
  overrides: Partial<AudioServiceOptions> = {},
): StartService<AudioServiceConfig> {
  return async (context) => {
    const { config, logger, platform, lifecycle, readiness, metrics } = context;
    const options: Partial<AudioServiceOptions> = {
      aloneTimeoutMs: config.audio.aloneTimeoutMs,
      idleTimeoutMs: config.audio.idleTimeoutMs,
      ...overrides,
    };
    const nodes = await platform.audioNodes();
    logger.info(
      { audioNodes: nodes.map((node) => ({ id: node.id, url: new URL(node.url).origin })) },
      'audio service started',
    );
    const botUserId = resolveBotUserId(config);
    if (botUserId === undefined) {
      const reason = 'bot user id unknown: set DISCORD_APPLICATION_ID (or DISCORD_TOKEN)';
      logger.error(reason);
      readiness.register('lavalink', () => down(reason));
      return;
    }
    const timing = { ...DefaultAudioServiceOptions, ...options };
    const redis = platform.redis();
    // Several replicas may share one Redis: each guild is driven by the replica holding its lease.
    const replicaId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
    const service = createAudioService({
      nodes,
      botUserId,
      database: platform.database(),
      commandBus: platform.commandBus(),
      uiEvents: platform.uiEvents(),
      toAudio: platform.toAudio(),
      toDiscord: platform.toDiscord(),
      ownership: (hooks) =>
        redis === null
          ? new LocalGuildOwnership()
          : new RedisGuildOwnership({
              redis: redis.duplicate(),
              replicaId,
              leaseMs: timing.guildLeaseMs,
              renewEveryMs: timing.guildLeaseRenewMs,
              logger,
              ...hooks,
            }),
      ...(redis === null
        ? {}
        : {
            inboxes: new ReplicaInboxes(
              replicaId,
              redisInboxOpener({ redis, replicaId, logger, registry: metrics }),
            ),
          }),
      // Configured nodes outlive this process: resume their sessions across restarts (the sound goes on).
      // The embedded node dies with it. With Redis several replicas may compete for a session; without it the
      // one audio process keeps its sessions in DATA_DIR.
      ...(config.lavalink.nodes === undefined
        ? {}
        : {
            nodeSessions:
              redis === null
                ? new FileNodeSessionStore({
                    dataDir: config.database.dataDir,
                    resumeTimeoutMs: timing.nodeResumeTimeoutS * 1_000,
                    logger,
                  })
                : new RedisNodeSessionStore({
                    redis: redis.duplicate(),
                    replicaId,
                    resumeTimeoutMs: timing.nodeResumeTimeoutS * 1_000,
                    aliveMs: timing.guildLeaseMs,
                    renewEveryMs: timing.guildLeaseRenewMs,
                    logger,
                  }),
          }),
      logger,
      registry: metrics,
      options,
    });
    readiness.register('lavalink', () =>
      !service.started
        ? down('starting')
        : service.backend.available()
          ? up()
          : down('no audio node connected'),
    );
    // Registered after the platform resources it uses, so it runs before they close.
    lifecycle.onShutdown('audio service', () => service.stop());
    service
      .start()
      .catch((error: unknown) => logger.fatal({ err: error }, 'the audio service failed to start'));
  };
}

/** Starts the audio service with the configured timings (the defaults for the rest). */
export const startAudio: StartService<AudioServiceConfig> = startAudioWith();
