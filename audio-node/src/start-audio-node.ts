/**
 * Starts an audio node: REST + WebSocket on one port, sessions, sources, stats and player-update timers.
 * Used standalone (`main.ts`) and embedded by the single-node launcher (random password, loopback).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from '@discord-bot/logger';
import { createMetricsRegistry, type Registry } from '@discord-bot/observability';
import {
  PLAYER_UPDATE_INTERVAL_MS,
  SHUTDOWN_CLOSE_CODE,
  SHUTDOWN_ENGINE_TIMEOUT_MS,
  STATS_INTERVAL_MS,
  WEBSOCKET_HEARTBEAT_INTERVAL_MS,
} from './constants.js';
import type { AudioEngine } from './engine/engine-contract.js';
import { createAudioEngine } from './engine/index.js';
import { createHttpAllowlist } from './security/http-allowlist.js';
import { systemResolver, type HostResolver } from './security/safe-fetch.js';
import { EventLoopMonitor } from './server/event-loop-monitor.js';
import { createRequestHandler } from './server/http-handler.js';
import { registerNodeMetrics } from './server/metrics.js';
import type { NodeContext } from './server/node-context.js';
import { SessionRegistry } from './sessions/session-registry.js';
import { StatsCollector } from './sessions/stats-collector.js';
import { ArtworkStore } from './sources/artwork-store.js';
import { findExecutable } from './sources/ffmpeg-locator.js';
import { LocalLibrary } from './sources/local-library.js';
import { DefaultSourceLimits, type SourceLimits } from './sources/source-context.js';
import { SourceManager } from './sources/source-manager.js';
import { WebSocketGateway } from './websocket/websocket-gateway.js';

export interface AudioNodeOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly password: string;
  readonly musicDirs: readonly string[];
  /** Hosts or CIDRs HTTP sources may reach although private (`AUDIO_NODE_HTTP_ALLOWLIST`). */
  readonly httpAllowlist: readonly string[];
  readonly logger: Logger;
  /** Registry the node's metrics join (the embedding service's); the node makes its own when absent. */
  readonly registry?: Registry;
  /** The playback engine; the real one (worker threads, Discord voice with DAVE) when absent. */
  readonly engine?: AudioEngine;
  /** DNS resolver for HTTP sources (tests inject one). */
  readonly resolver?: HostResolver;
  /** `PATH` searched for `ffmpeg`; none searched when absent. */
  readonly executablePath?: string;
  /** `stats` interval; Lavalink's 60 s when absent (tests shorten it). */
  readonly statsIntervalMs?: number;
  /** `playerUpdate` interval; Lavalink's 5 s when absent (tests shorten it). */
  readonly playerUpdateIntervalMs?: number;
  /** Base URL users reach the node at, for local cover-art links; the listen URL when absent. */
  readonly publicUrl?: string;
  /** WebSocket ping interval; 30 s when absent (tests shorten it). */
  readonly heartbeatIntervalMs?: number;
  /** Size and time limits on data fetched while loading; {@link DefaultSourceLimits} for those absent. */
  readonly sourceLimits?: Partial<SourceLimits>;
}

export interface RunningAudioNode {
  /** `http://host:port` (REST base without `/v4`). */
  readonly url: string;
  readonly port: number;
  readonly password: string;
  /** Graceful shutdown: clients get close 1001, players stop, the engine closes. Idempotent. */
  close(): Promise<void>;
}

async function realDirs(dirs: readonly string[], logger: Logger): Promise<string[]> {
  const out: string[] = [];
  for (const dir of dirs) {
    try {
      out.push(await realpath(resolve(dir)));
    } catch {
      logger.warn({ dir }, 'music directory does not exist; ignored');
    }
  }
  return out;
}

/**
 * Starts a node and resolves once it listens.
 *
 * @example
 * const node = await startAudioNode({ host: '127.0.0.1', port: 0, password, musicDirs: [], httpAllowlist: [], logger });
 * // lavalink-client: { host: '127.0.0.1', port: node.port, authorization: node.password }
 */
export async function startAudioNode(options: AudioNodeOptions): Promise<RunningAudioNode> {
  const logger = options.logger.child({ component: 'audio-node' });
  const metrics = options.registry ?? createMetricsRegistry({ service: 'audio-node' });
  const engine = options.engine ?? createAudioEngine({ logger, registry: metrics });
  const ffmpegPath =
    options.executablePath === undefined ? null : await findExecutable('ffmpeg', options.executablePath);
  const artwork = new ArtworkStore();
  const sourceContext = {
    artwork,
    allowlist: createHttpAllowlist(options.httpAllowlist),
    resolver: options.resolver ?? systemResolver,
    musicDirs: await realDirs(options.musicDirs, logger),
    ffmpegPath,
    logger,
    limits: { ...DefaultSourceLimits, ...options.sourceLimits },
  };
  const library = new LocalLibrary(sourceContext);
  void library.rebuild();
  const registry = new SessionRegistry(engine);
  const stats = new StatsCollector(engine, registry);
  const eventLoop = new EventLoopMonitor();
  eventLoop.start();
  registerNodeMetrics(metrics, registry, stats, eventLoop);
  const node: NodeContext = {
    password: options.password,
    registry,
    sources: new SourceManager(sourceContext, library),
    engine,
    stats,
    eventLoop,
    metrics,
    artwork,
    logger,
  };
  const gateway = new WebSocketGateway(node);
  const server = createServer(createRequestHandler(node));
  server.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  const statsTimer = setInterval(() => {
    stats.tick();
    gateway.broadcastStats();
  }, options.statsIntervalMs ?? STATS_INTERVAL_MS);
  const updateTimer = setInterval(
    () => gateway.broadcastPlayerUpdates(),
    options.playerUpdateIntervalMs ?? PLAYER_UPDATE_INTERVAL_MS,
  );
  const heartbeatTimer = setInterval(
    () => gateway.heartbeat(),
    options.heartbeatIntervalMs ?? WEBSOCKET_HEARTBEAT_INTERVAL_MS,
  );
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  artwork.setBaseUrl(options.publicUrl ?? `http://${host}:${port}`);
  logger.info(
    { host: options.host, port, ffmpeg: ffmpegPath !== null, musicDirs: sourceContext.musicDirs.length },
    'audio node listening',
  );
  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    clearInterval(statsTimer);
    clearInterval(updateTimer);
    clearInterval(heartbeatTimer);
    registry.endAll(SHUTDOWN_CLOSE_CODE, 'Audio node shutting down');
    gateway.close();
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeAllConnections();
    const engineClosed = engine
      .close()
      .catch((error: unknown) => logger.error({ err: error }, 'engine close failed'));
    await Promise.race([
      engineClosed,
      new Promise((done) => setTimeout(done, SHUTDOWN_ENGINE_TIMEOUT_MS).unref()),
    ]);
    await closed;
    eventLoop.stop();
    logger.info('audio node stopped');
  };
  return {
    url: `http://${host}:${port}`,
    port,
    password: options.password,
    close: () => (closing ??= close()),
  };
}
