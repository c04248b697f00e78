import { portField, textField } from '../fields.js';

/** Default health/metrics (and API) ports per service. */
export const DEFAULT_PORTS = {
  api: 3000,
  gateway: 3001,
  audio: 3002,
  worker: 3003,
  singleNode: 3000,
} as const satisfies Record<string, number>;

/** Address every service's HTTP server binds to. */
export const httpHostShape = {
  HTTP_HOST: textField().prefault('127.0.0.1').meta({
    description: 'Address the HTTP server (health, readiness, metrics, API) binds to; 0.0.0.0 in containers.',
    example: '0.0.0.0',
  }),
};

/** Description and example of a service's port variable. */
export const portMeta = (service: string, example: number) => ({
  description: `Port of the ${service} HTTP server (/health, /ready, /metrics).`,
  example: String(example),
});

/**
 * The port variables of the gateway, the audio service and single-node; the composition picks the one it
 * serves. `API_PORT` and `WORKER_PORT` are in their own areas (`api.ts`, `worker.ts`).
 */
export const portShapes = {
  gateway: { GATEWAY_PORT: portField(DEFAULT_PORTS.gateway, portMeta('gateway', 8081)) },
  audio: { AUDIO_PORT: portField(DEFAULT_PORTS.audio, portMeta('audio service', 8082)) },
  singleNode: {
    PORT: portField(DEFAULT_PORTS.singleNode, {
      description: 'Single-node mode: the one port for /health, /ready, /metrics and the REST API.',
      example: '8080',
    }),
  },
} as const;

/** Where a service's HTTP server listens: `config.http`. */
export interface HttpConfig {
  readonly host: string;
  /** `0` lets the operating system choose; the bound port is logged. */
  readonly port: number;
}
