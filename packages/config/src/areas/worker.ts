import { portField } from '../fields.js';
import { DEFAULT_PORTS, portMeta } from './http.js';

/** Environment variables of the worker area (the job runner's own; it also reads the shared areas). */
export const workerShape = {
  WORKER_PORT: portField(DEFAULT_PORTS.worker, portMeta('worker', 8083)),
} as const;
