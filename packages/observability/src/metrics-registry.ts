import { Registry, collectDefaultMetrics } from 'prom-client';

/** Options of {@link createMetricsRegistry}. */
export interface MetricsRegistryOptions {
  /** Value of the `service` label on every series. */
  readonly service: string;
  /** Collect prom-client's process metrics (CPU, memory, event loop, GC); default true. */
  readonly defaultMetrics?: boolean;
}

/**
 * A Prometheus registry for one process: every series carries `service`, and the Node.js process
 * metrics are collected. Services add their own metrics with `registers: [registry]`.
 *
 * @example
 * const metrics = createMetricsRegistry({ service: 'gateway' });
 * new Counter({ name: 'gateway_interactions_total', help: '...', registers: [metrics] });
 */
export function createMetricsRegistry(options: MetricsRegistryOptions): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: options.service });
  if (options.defaultMetrics !== false) collectDefaultMetrics({ register: registry });
  return registry;
}

export type { Registry };
