import { Counter, Histogram, type Registry } from 'prom-client';

/** The bus's Prometheus metrics. Several buses may share one registry: metrics are created once per registry. */
export interface MessagingMetrics {
  readonly published: Counter<'channel' | 'type'>;
  readonly consumed: Counter<'channel' | 'type'>;
  readonly failed: Counter<'channel' | 'type'>;
  readonly redelivered: Counter<'channel'>;
  readonly expired: Counter<'channel' | 'type'>;
  readonly dropped: Counter<'channel' | 'reason'>;
  readonly requestDuration: Histogram<'type' | 'outcome'>;
}

const cache = new WeakMap<Registry, MessagingMetrics>();

/**
 * The metrics of the bus on `registry`, created on first use.
 *
 * @param registry - where to register; pass the service's registry (never the global default implicitly).
 */
export function messagingMetrics(registry: Registry): MessagingMetrics {
  const existing = cache.get(registry);
  if (existing !== undefined) return existing;
  const registers = [registry];
  const metrics: MessagingMetrics = {
    published: new Counter({
      name: 'messaging_published_total',
      help: 'Messages published or commands sent, by channel and type.',
      labelNames: ['channel', 'type'],
      registers,
    }),
    consumed: new Counter({
      name: 'messaging_consumed_total',
      help: 'Messages handled or commands executed, by channel and type.',
      labelNames: ['channel', 'type'],
      registers,
    }),
    failed: new Counter({
      name: 'messaging_failed_total',
      help: 'Handlers that threw, by channel and type.',
      labelNames: ['channel', 'type'],
      registers,
    }),
    redelivered: new Counter({
      name: 'messaging_redelivered_total',
      help: 'Commands delivered again after a consumer died or a duplicate was sent.',
      labelNames: ['channel'],
      registers,
    }),
    expired: new Counter({
      name: 'messaging_expired_total',
      help: 'Commands answered "expired" because they outlived their deadline before running.',
      labelNames: ['channel', 'type'],
      registers,
    }),
    dropped: new Counter({
      name: 'messaging_dropped_total',
      help: 'Malformed or unknown messages dropped, by reason.',
      labelNames: ['channel', 'reason'],
      registers,
    }),
    requestDuration: new Histogram({
      name: 'messaging_request_duration_seconds',
      help: 'Command request/reply latency seen by the sender, by type and outcome code.',
      labelNames: ['type', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
  };
  cache.set(registry, metrics);
  return metrics;
}
