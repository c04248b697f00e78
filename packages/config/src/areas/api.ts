import { portField } from '../fields.js';
import { DEFAULT_PORTS } from './http.js';

/** Environment variables of the API area (the REST API service's own; it also reads the shared areas). */
export const apiShape = {
  API_PORT: portField(DEFAULT_PORTS.api, {
    description: 'Port of the API HTTP server (/health, /ready, /metrics, the REST API).',
    example: '8080',
  }),
} as const;
