import { randomBytes } from 'node:crypto';
import { startAudioNode, type RunningAudioNode } from '@discord-bot/audio-node';
import type { AudioNodeConfig, LavalinkNodeConfig } from '@discord-bot/config';
import type { Logger } from '@discord-bot/logger';
import type { Registry } from 'prom-client';

/** Node id the audio service sees for the in-process audio node. */
export const EMBEDDED_NODE_ID = 'embedded';

/** Bytes of randomness in the password of an embedded node started without configuration. */
const RANDOM_PASSWORD_BYTES = 24;

/** Options of {@link startEmbeddedAudioNode}. */
export interface EmbeddedAudioNodeOptions {
  readonly config: AudioNodeConfig | undefined;
  readonly logger: Logger;
  readonly registry: Registry;
  /** `PATH` searched for `ffmpeg`; none searched when absent. */
  readonly executablePath?: string | undefined;
}

/** The settings used when a service has no `audioNode` area: loopback, any free port, random password. */
export function defaultEmbeddedNodeConfig(): AudioNodeConfig {
  return {
    host: '127.0.0.1',
    port: 0,
    password: randomBytes(RANDOM_PASSWORD_BYTES).toString('base64url'),
    musicDirs: [],
    httpAllowlist: [],
  };
}

/** Starts the audio node inside this process and describes it as a Lavalink node. */
export async function startEmbeddedAudioNode(
  options: EmbeddedAudioNodeOptions,
): Promise<{ readonly node: RunningAudioNode; readonly descriptor: LavalinkNodeConfig }> {
  const config = options.config ?? defaultEmbeddedNodeConfig();
  const node = await startAudioNode({
    ...config,
    logger: options.logger,
    registry: options.registry,
    ...(options.executablePath === undefined ? {} : { executablePath: options.executablePath }),
  });
  options.logger.info({ url: node.url }, 'embedded audio node started');
  return { node, descriptor: { id: EMBEDDED_NODE_ID, url: node.url, password: node.password } };
}
