import {
  parseServiceConfig,
  type ConfigProblem,
  type ServiceConfigs,
  type ServiceName,
} from '@discord-bot/config';
import { expect } from 'vitest';

/** A minimal valid environment for each service. */
export const VALID_ENV: { readonly [N in ServiceName]: Readonly<Record<string, string>> } = {
  gateway: { DISCORD_TOKEN: 'test-token' },
  audio: {},
  api: {},
  worker: {},
  'audio-node': { AUDIO_NODE_PASSWORD: 'node-password' },
  'single-node': { DISCORD_TOKEN: 'test-token' },
};

/** Parses `service` with its minimal valid environment plus `extra`, expecting success. */
export function valid<N extends ServiceName>(
  service: N,
  extra: Record<string, string> = {},
): ServiceConfigs[N] {
  const result = parseServiceConfig(service, { ...VALID_ENV[service], ...extra });
  if (!result.ok) throw new Error(`expected a valid config, got ${JSON.stringify(result.error)}`);
  return result.value;
}

/** Parses `service` with its minimal valid environment plus `extra`, expecting problems. */
export function problems(service: ServiceName, extra: Record<string, string | undefined>): ConfigProblem[] {
  const result = parseServiceConfig(service, { ...VALID_ENV[service], ...extra });
  expect(result.ok).toBe(false);
  return result.ok ? [] : [...result.error];
}

/** The variable names of `found`. */
export const variables = (found: readonly ConfigProblem[]): string[] => found.map((p) => p.variable);
