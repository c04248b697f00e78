import { resolve } from 'node:path';
import { ConfigError, ConfigFileError } from './config-error.js';
import { parseServiceConfig, type Environment } from './parse-service-config.js';
import { readEnvFile } from './read-env-file.js';
import type { ServiceConfigs, ServiceName } from './service-configs.js';

/** Exit code of a process that refused to start because of its configuration. */
export const CONFIG_EXIT_CODE = 78; // EX_CONFIG from sysexits.h

/** Options of {@link loadServiceConfig}. */
export interface LoadServiceConfigOptions {
  /** The environment; `process.env` when absent. Its non-empty values win over the file's. */
  readonly env?: Environment;
  /** Dotenv file read first; `.env` in the working directory when absent, `false` to read none. */
  readonly envFile?: string | false;
  /** `exit` (default): print every problem to stderr and exit. `throw`: throw a {@link ConfigError}. */
  readonly onInvalid?: 'exit' | 'throw';
}

/**
 * Loads the configuration of `service` once, at start: `.env` (optional) overlaid by the environment,
 * validated into a typed, frozen object. On any problem it prints all of them (never a value) and exits
 * with {@link CONFIG_EXIT_CODE}, unless `onInvalid: 'throw'`.
 *
 * @example
 * const config = loadServiceConfig('audio-node');
 * listen(config.audioNode.host, config.audioNode.port);
 */
export function loadServiceConfig<N extends ServiceName>(
  service: N,
  options: LoadServiceConfigOptions = {},
): ServiceConfigs[N] {
  let fileEnv: Record<string, string> = {};
  try {
    if (options.envFile !== false) fileEnv = readEnvFile(resolve(options.envFile ?? '.env'));
  } catch (error) {
    if (options.onInvalid === 'throw' || !(error instanceof ConfigFileError)) throw error;
    return exitWith(error.message);
  }
  const env: Record<string, string | undefined> = { ...fileEnv };
  for (const [name, value] of Object.entries(options.env ?? process.env)) {
    if (value !== undefined && value !== '') env[name] = value;
  }
  const result = parseServiceConfig(service, env);
  if (result.ok) return result.value;
  const error = new ConfigError(service, result.error);
  if (options.onInvalid === 'throw') throw error;
  return exitWith(error.message);
}

function exitWith(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(CONFIG_EXIT_CODE);
}
