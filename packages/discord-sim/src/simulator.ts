import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSilentLogger, type Logger } from '@discord-bot/logger';
import { DefaultSimulatorLimits, type SimulatorLimits } from './constants.js';
import { createControlHandler } from './control/control-handler.js';
import { createSimHttpServer, GATEWAY_PATH } from './http/sim-http-server.js';
import { InvalidRequestGuard } from './rest/invalid-request-guard.js';
import { createRestHandler, REST_PREFIX } from './rest/rest-handler.js';
import { SimulatorCore } from './simulator-core.js';
import { createSimulatorHandle, type Simulator } from './simulator-handle.js';
import {
  issueServerCertificate,
  loadOrCreateCertificateAuthority,
  type StoredCertificateAuthority,
} from './tls/index.js';
import { createVoiceServer } from './voice/index.js';
import type {
  OpusDecoderBackend,
  SimVoiceServer,
  VoiceEncryptionMode,
  VoiceTlsMaterial,
} from './voice/voice-server-contract.js';

export interface StartSimulatorOptions {
  /** Port for REST, the gateway and the control API; 0 (default) picks a free one. */
  readonly port?: number | undefined;
  /** Interface to listen on; default 127.0.0.1. */
  readonly host?: string;
  readonly voice?: {
    /** Encryption modes offered in voice READY (default both). */
    readonly modes?: readonly VoiceEncryptionMode[];
    /** Opus decoder of the analysis: native `@discordjs/opus` (default when it loads) or the WASM fallback. */
    readonly opusBackend?: OpusDecoderBackend;
  };
  /**
   * Directory of the certificate authority the voice server's TLS chains to (`ca.pem`, `ca-key.pem`),
   * reused when usable and created otherwise. Default: a fresh one in a temporary directory removed on stop.
   * Bots trust it with `NODE_EXTRA_CA_CERTS=<caPath>` (read at process start only).
   */
  readonly caDir?: string | undefined;
  /** Overrides of Discord's limits (tests shorten time-based ones). */
  readonly limits?: Partial<SimulatorLimits>;
  readonly logger?: Logger;
  /** Replaces the real voice server, e.g. with an in-test fake. */
  readonly createVoiceServer?: (tls: VoiceTlsMaterial) => SimVoiceServer;
}

/** Default host the simulator listens on. */
export const DEFAULT_SIM_HOST = '127.0.0.1';

async function certificateAuthority(
  caDir: string | undefined,
): Promise<{ stored: StoredCertificateAuthority; temp: string | null }> {
  if (caDir !== undefined) return { stored: await loadOrCreateCertificateAuthority(caDir), temp: null };
  const temp = await mkdtemp(join(tmpdir(), 'discord-sim-'));
  return { stored: await loadOrCreateCertificateAuthority(join(temp, 'ca')), temp };
}

/**
 * Starts an offline Discord: REST at `restBase`, the gateway it hands out, the control API and the voice
 * server. Point an unmodified discord.js bot at it with `rest: { api: sim.restBase }`.
 *
 * @example
 * const sim = await startSimulator();
 * const guild = sim.createGuild({ name: 'Test' });
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: sim.restBase } });
 * // ...
 * await sim.stop();
 */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<Simulator> {
  const host = options.host ?? DEFAULT_SIM_HOST;
  const limits: SimulatorLimits = { ...DefaultSimulatorLimits, ...options.limits };
  const logger = options.logger ?? createSilentLogger();
  const { stored, temp } = await certificateAuthority(options.caDir);
  const tls = await issueServerCertificate(stored.ca);
  const voice =
    options.createVoiceServer?.(tls) ??
    createVoiceServer({
      tls,
      host,
      ...(options.voice?.modes === undefined ? {} : { modes: options.voice.modes }),
      ...(options.voice?.opusBackend === undefined ? {} : { opusBackend: options.voice.opusBackend }),
    });

  let origin = '';
  const core = new SimulatorCore({
    limits,
    logger,
    voice,
    gatewayUrl: () => `ws://${origin}${GATEWAY_PATH}`,
  });
  const server = createSimHttpServer(
    {
      rest: createRestHandler({
        routes: core.routes,
        limiter: core.limiter,
        log: core.requestLog,
        faults: core.restFaults,
        bucketWindowScale: limits.bucketWindowScale,
        invalidRequests: new InvalidRequestGuard(
          limits.invalidRequestsPerWindow,
          limits.invalidRequestWindowMs,
        ),
        logger,
        applicationFor: (token) => core.applications.applicationFor(token),
      }),
      control: createControlHandler({ core, caPem: () => stored.ca.certPem }),
      upgrade: (req, socket, head, url) => core.gateway.upgrade(req, socket, head, url),
    },
    logger,
  );

  await voice.start();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, host, () => resolve());
    });
  } catch (error) {
    await voice.stop();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  origin = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  logger.info({ port }, 'discord simulator listening');

  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= (async () => {
      await core.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await voice.stop();
      if (temp !== null) await rm(temp, { recursive: true, force: true });
    })();
    return stopped;
  };

  return createSimulatorHandle(core, {
    port,
    baseUrl: `http://${origin}`,
    restBase: `http://${origin}${REST_PREFIX.replace(/\/v\d+$/, '')}`,
    gatewayUrl: `ws://${origin}${GATEWAY_PATH}`,
    caPath: stored.certPath,
    caPem: stored.ca.certPem,
    stop,
  });
}
