import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigFileError } from './config-error.js';

/**
 * Reads a dotenv file (`KEY=value` lines, quotes, `#` comments) with Node's own parser. A missing file is
 * an empty environment: `.env` is optional.
 *
 * @throws {ConfigFileError} when the file exists but cannot be read.
 */
export function readEnvFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigFileError(path, error);
  }
  return parseEnv(text) as Record<string, string>;
}
