export {
  Lifecycle,
  SHUTDOWN_TIMEOUT_MS,
  FORCED_EXIT_CODE,
  type LifecycleOptions,
  type LifecycleState,
  type ShutdownHook,
  type ShutdownRegistrar,
} from './lifecycle.js';
export type { ServiceContext, StartService } from './service-context.js';
export { createServiceHost, type ServiceHost, type ServiceHostOptions } from './service-host.js';
export { runService, runHost, type StandaloneService } from './run-service.js';
