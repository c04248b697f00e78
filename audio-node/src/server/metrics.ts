/**
 * Prometheus series of the node (players, frame deficit, event-loop delay), registered in the caller's registry
 * (the embedding service's) or in the node's own; `/metrics` renders that registry.
 */
import { Gauge, type Registry } from '@discord-bot/observability';
import type { EventLoopMonitor } from './event-loop-monitor.js';
import type { SessionRegistry } from '../sessions/session-registry.js';
import type { StatsCollector } from '../sessions/stats-collector.js';

export function registerNodeMetrics(
  registry: Registry,
  sessions: SessionRegistry,
  stats: StatsCollector,
  loop: EventLoopMonitor,
): void {
  const gauge = (name: string, help: string, read: () => number): void => {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect(this: Gauge) {
        this.set(read());
      },
    });
  };
  gauge('audio_node_players', 'Players on this node.', () => sessions.playerCounts().players);
  gauge(
    'audio_node_playing_players',
    'Players with a track that are not paused.',
    () => sessions.playerCounts().playing,
  );
  // Sent, nulled and expected frame totals are the engine's own counters (`audio_node_frames_*_total`).
  gauge('audio_node_frames_deficit', 'Frames expected while playing but not sent, since start.', () => {
    const totals = stats.totals();
    return Math.max(0, totals.expected - totals.sent);
  });
  gauge(
    'audio_node_event_loop_delay_p99_ms',
    'Event-loop delay, 99th percentile, ms.',
    () => loop.snapshot().p99,
  );
  gauge('audio_node_event_loop_delay_max_ms', 'Event-loop delay, maximum, ms.', () => loop.snapshot().max);
}
