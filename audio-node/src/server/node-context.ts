import type { Logger } from '@discord-bot/logger';
import type { Registry } from '@discord-bot/observability';
import type { AudioEngine } from '../engine/engine-contract.js';
import type { SessionRegistry } from '../sessions/session-registry.js';
import type { StatsCollector } from '../sessions/stats-collector.js';
import type { ArtworkStore } from '../sources/artwork-store.js';
import type { SourceManager } from '../sources/source-manager.js';
import type { EventLoopMonitor } from './event-loop-monitor.js';

/** Everything a REST handler or the WebSocket gateway needs, built once at start. */
export interface NodeContext {
  readonly password: string;
  readonly registry: SessionRegistry;
  readonly sources: SourceManager;
  readonly engine: AudioEngine;
  readonly stats: StatsCollector;
  readonly eventLoop: EventLoopMonitor;
  readonly metrics: Registry;
  readonly artwork: ArtworkStore;
  readonly logger: Logger;
}

/** A parsed REST request. */
export interface RestRequest {
  readonly method: string;
  readonly path: string;
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** What a handler answers: JSON (`body`), text, or an empty response. */
export type RestResponse =
  | { readonly status: number; readonly body: unknown }
  | { readonly status: number; readonly text: string; readonly contentType?: string }
  | { readonly status: number; readonly bytes: Uint8Array; readonly contentType: string }
  | { readonly status: number };
