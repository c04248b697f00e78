import { err, ok, type Result } from '@discord-bot/errors';
import { toConfigProblem, type ConfigProblem } from './config-problem.js';
import { deepFreeze } from './deep-freeze.js';
import type { ServiceConfigs, ServiceName } from './service-configs.js';
import { SERVICE_SCHEMAS } from './service-schemas.js';

/** An environment: variable names to values (`process.env` has this shape). */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Validates `env` for `service` without side effects (no file, no exit): the typed, frozen config, or
 * every problem found. Empty values count as unset, so a copied `.env.example` with blanks works. The one
 * non-deterministic output: single-node makes a random embedded audio node password when none is set.
 *
 * @example
 * const result = parseServiceConfig('worker', { WORKER_PORT: '8083' });
 * if (!result.ok) console.error(result.error.map((p) => p.variable));
 */
export function parseServiceConfig<N extends ServiceName>(
  service: N,
  env: Environment,
): Result<ServiceConfigs[N], readonly ConfigProblem[]> {
  const present: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') present[name] = value;
  }
  const parsed = SERVICE_SCHEMAS[service].safeParse(present);
  if (!parsed.success)
    return err(parsed.error.issues.map((issue) => toConfigProblem(service, issue, present)));
  return ok(deepFreeze(parsed.data as ServiceConfigs[N]));
}
