export { createMetricsRegistry, type MetricsRegistryOptions, type Registry } from './metrics-registry.js';
export { Counter, Gauge, Histogram, Summary } from 'prom-client';
export {
  ReadinessRegistry,
  READINESS_CHECK_TIMEOUT_MS,
  up,
  down,
  type DependencyStatus,
  type ReadinessCheck,
  type ReadinessReport,
  type ReadinessRegistrar,
} from './readiness.js';
export { createServiceServer, type ServiceServerOptions } from './service-server.js';
export { instrumentHttp } from './http-metrics.js';
