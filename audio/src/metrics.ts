import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** The audio service's Prometheus metrics. */
export interface AudioMetrics {
  readonly activePlayers: Gauge;
  readonly tracksStarted: Counter;
  readonly tracksEnded: Counter<'reason'>;
  readonly commands: Counter<'type' | 'outcome'>;
  readonly commandDuration: Histogram<'type'>;
  readonly nodePlayers: Gauge<'node'>;
  readonly nodeUp: Gauge<'node'>;
  readonly restores: Counter<'outcome'>;
  readonly restoreDuration: Histogram;
}

/** Registers the audio metrics on `registry`. */
export function createAudioMetrics(registry: Registry): AudioMetrics {
  const registers = [registry];
  return {
    activePlayers: new Gauge({
      name: 'audio_active_players',
      help: 'Guild players this audio service drives.',
      registers,
    }),
    tracksStarted: new Counter({
      name: 'audio_tracks_started_total',
      help: 'Tracks that started playing.',
      registers,
    }),
    tracksEnded: new Counter({
      name: 'audio_tracks_ended_total',
      help: 'Tracks that stopped playing, by reason.',
      labelNames: ['reason'],
      registers,
    }),
    commands: new Counter({
      name: 'audio_commands_total',
      help: 'Commands executed, by type and outcome (ok or the error code).',
      labelNames: ['type', 'outcome'],
      registers,
    }),
    commandDuration: new Histogram({
      name: 'audio_command_duration_seconds',
      help: 'Time to execute a command, from receipt to answer.',
      labelNames: ['type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    nodePlayers: new Gauge({
      name: 'audio_lavalink_node_players',
      help: 'Players on each audio node, as the node reports.',
      labelNames: ['node'],
      registers,
    }),
    nodeUp: new Gauge({
      name: 'audio_lavalink_node_up',
      help: '1 when the audio node is connected, else 0.',
      labelNames: ['node'],
      registers,
    }),
    restores: new Counter({
      name: 'audio_restores_total',
      help: 'Players restored from the database at start or takeover, by outcome.',
      labelNames: ['outcome'],
      registers,
    }),
    restoreDuration: new Histogram({
      name: 'audio_restore_duration_seconds',
      help: 'Time to restore one player (rejoin voice and load the track).',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
}
