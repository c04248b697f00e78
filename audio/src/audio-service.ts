import type { LavalinkNodeConfig } from '@discord-bot/config';
import type { Database } from '@discord-bot/database';
import type { Logger } from '@discord-bot/logger';
import {
  dispatchByType,
  TO_AUDIO_CHANNEL,
  type CommandBus,
  type EventBus,
  type StreamBus,
  type Unsubscribe,
} from '@discord-bot/messaging';
import type { Registry } from 'prom-client';
import { DefaultAudioServiceOptions, type AudioServiceOptions } from './audio-service-options.js';
import { createCommandHandlers } from './commands/create-command-handlers.js';
import type { AudioBackend } from './lavalink/audio-backend.js';
import { LavalinkBackend } from './lavalink/lavalink-backend.js';
import { createAudioMetrics, type AudioMetrics } from './metrics.js';
import { CommandForwarder } from './ownership/command-forwarder.js';
import type { GuildOwnership, OwnershipHooks } from './ownership/guild-ownership.js';
import type { ReplicaInboxes } from './ownership/replica-inboxes.js';
import { routeToOwner, runAsOwner, type OwnerRouting } from './ownership/route-to-owner.js';
import type { NodeSessionStore } from './lavalink/node-session-store.js';
import { adoptResumedPlayers } from './persistence/adopt-resumed-players.js';
import { PlayerStore } from './persistence/player-store.js';
import { restorePlayer, restorePlayers } from './persistence/restore-players.js';
import { handleBackendEvent } from './player/backend-event-handler.js';
import { watchNodes } from './player/node-watcher.js';
import { PlayerEngine } from './player/player-engine.js';
import { startProgressTicker } from './player/progress-ticker.js';
import { DiscordOutbox } from './ui/discord-outbox.js';
import { UiPublisher } from './ui/ui-publisher.js';
import { VoiceRelay } from './voice/voice-relay.js';

/** What the audio service is built from (the platform's resources, or test doubles). */
export interface AudioServiceDeps {
  readonly nodes: readonly LavalinkNodeConfig[];
  readonly botUserId: string;
  readonly database: Promise<Database>;
  /** Owned by the service: closed at stop. */
  readonly commandBus: CommandBus;
  readonly uiEvents: EventBus;
  readonly toAudio: StreamBus;
  readonly toDiscord: StreamBus;
  /** Which guilds this replica drives; made once the service knows its players. */
  readonly ownership: (hooks: OwnershipHooks) => GuildOwnership;
  /**
   * Several replicas: the inbox of each, where the commands of the guilds it owns run (this replica consumes
   * its own and forwards to the others'). None in-process: the command bus is the only way in.
   */
  readonly inboxes?: ReplicaInboxes;
  readonly logger: Logger;
  readonly registry: Registry;
  readonly options?: Partial<AudioServiceOptions>;
  /**
   * Where node session ids are kept so that the next process resumes them (nodes that outlive this process:
   * LAVALINK_NODES). Absent for the embedded node, which lives and dies with the service.
   */
  readonly nodeSessions?: NodeSessionStore;
  /** The Lavalink edge; lavalink-client over `nodes` when absent. */
  readonly backend?: AudioBackend;
}

/** A running audio service. */
export interface AudioService {
  /** True once nodes are connected, saved players restored and commands consumed. */
  readonly started: boolean;
  readonly backend: AudioBackend;
  readonly metrics: AudioMetrics;
  /** Connects, restores, then consumes commands. */
  start(): Promise<void>;
  /** Stops consuming, saves every player's position, disconnects from the nodes (players keep playing). */
  stop(): Promise<void>;
}

/** Builds the audio service: players and queues on Lavalink nodes, driven by the command bus. */
export function createAudioService(deps: AudioServiceDeps): AudioService {
  const options = { ...DefaultAudioServiceOptions, ...deps.options };
  const logger = deps.logger;
  const metrics = createAudioMetrics(deps.registry);
  const outbox = new DiscordOutbox(deps.toDiscord, logger);
  const backend =
    deps.backend ??
    new LavalinkBackend({
      nodes: deps.nodes,
      sendToShard: (guildId, payload) => outbox.gatewaySend(guildId, payload.op, payload.d),
      logger,
      nodeRetryDelayMs: options.nodeRetryDelayMs,
      nodeRetryMaxDelayMs: options.nodeRetryMaxDelayMs,
      resumeWaitMs: options.nodeResumeWaitMs,
      ...(deps.nodeSessions === undefined
        ? {}
        : { resume: { store: deps.nodeSessions, timeoutS: options.nodeResumeTimeoutS } }),
    });
  let started = false;
  let engine: PlayerEngine | undefined;
  let ownership: GuildOwnership | undefined;
  const cleanups: (() => void | Promise<void>)[] = [];

  return {
    get started() {
      return started;
    },
    backend,
    metrics,
    async start() {
      const db = await deps.database;
      const store = new PlayerStore(db.playerStates, logger);
      const running = new PlayerEngine({
        backend,
        ui: new UiPublisher(deps.uiEvents, logger),
        outbox,
        store,
        settings: db.guildSettings,
        metrics,
        logger,
        options,
      });
      engine = running;
      const owned = deps.ownership({
        wants: (guildId) => running.get(guildId) !== undefined,
        onLost: (guildId) => void running.withGuild(guildId, () => running.forget(guildId)),
      });
      ownership = owned;
      backend.onEvent((event) => {
        handleBackendEvent(running, event);
        watchNodes(running, event);
      });
      const resumed = await backend.start(deps.botUserId);
      const relay = new VoiceRelay(running, deps.botUserId);
      const unsubscribe: Unsubscribe = await deps.toAudio.subscribe(TO_AUDIO_CHANNEL, (message) =>
        relay.handle(message),
      );
      cleanups.push(unsubscribe);
      const claim = (guildId: string) => owned.claim(guildId);
      // Resumed sessions first: their players still play, so they are taken back as they are; the database
      // restores the rest (a node restarted, or the session expired).
      await adoptResumedPlayers(
        running,
        store,
        claim,
        resumed,
        options.guildLeaseMs + options.guildLeaseRenewMs,
      );
      await restorePlayers(running, store, claim);
      const handler = dispatchByType(createCommandHandlers(running));
      const inboxes = deps.inboxes;
      if (inboxes === undefined) {
        await deps.commandBus.consume(handler);
      } else {
        const forwarder = new CommandForwarder({ inboxes, ownership: owned, logger });
        const routing: OwnerRouting = {
          handler,
          drives: (guildId) => running.get(guildId) !== undefined,
          restore: async (guildId) => {
            const saved = await store.find(guildId);
            if (saved !== undefined)
              await running.withGuild(guildId, () => restorePlayer(running, store, saved));
          },
          ownership: owned,
          forwarder,
        };
        // Closed after the shared stream (stop closes it first): its commands may wait on this inbox.
        await forwarder.start(runAsOwner(routing));
        cleanups.push(() => forwarder.close());
        await deps.commandBus.consume(routeToOwner(routing));
        // Takes over the guilds of a replica that died (its leases expired).
        let scanning = false;
        const scan = setInterval(() => {
          if (scanning) return;
          scanning = true;
          restorePlayers(running, store, claim)
            .catch((error: unknown) => logger.warn({ err: error }, 'takeover scan failed'))
            .finally(() => {
              scanning = false;
            });
        }, options.takeoverScanMs);
        scan.unref();
        cleanups.push(() => clearInterval(scan));
      }
      cleanups.push(startProgressTicker(running, options.progressIntervalMs));
      cleanups.push(startNodeGauges(backend, metrics, options.progressIntervalMs));
      started = true;
      logger.info({ players: running.all().length }, 'audio service consuming commands');
    },
    async stop() {
      await deps.commandBus.close();
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
      await engine?.saveAll();
      await backend.close();
      await deps.nodeSessions?.close();
      await ownership?.close();
    },
  };
}

function startNodeGauges(backend: AudioBackend, metrics: AudioMetrics, intervalMs: number): () => void {
  const update = () => {
    for (const node of backend.nodes()) {
      metrics.nodePlayers.set({ node: node.id }, node.players);
      metrics.nodeUp.set({ node: node.id }, node.connected ? 1 : 0);
    }
  };
  update();
  const timer = setInterval(update, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
