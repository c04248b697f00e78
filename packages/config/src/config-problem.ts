import type { z } from 'zod';
import type { ServiceName } from './service-configs.js';
import { variableMeta } from './variable-catalog.js';

/** One thing wrong with the environment. Never carries the variable's value. */
export interface ConfigProblem {
  /** The environment variable at fault. */
  readonly variable: string;
  /** What is wrong, e.g. `must be a port number from 0 to 65535`. */
  readonly message: string;
  /** A valid value. */
  readonly example: string;
  /** Extra guidance (where to get a token), when the variable is missing and the schema has one. */
  readonly hint?: string;
}

/**
 * Turns a Zod issue into a {@link ConfigProblem}, describing nested positions (`item 1 url: ...`).
 * `env` is only consulted to tell a missing variable from an invalid one.
 */
export function toConfigProblem(
  service: ServiceName,
  issue: z.core.$ZodIssue,
  env: Readonly<Record<string, string | undefined>>,
): ConfigProblem {
  const [head, ...rest] = issue.path;
  const variable = typeof head === 'string' ? head : '(environment)';
  const meta = variableMeta(service, variable);
  const missing = rest.length === 0 && env[variable] === undefined;
  const where = rest.length === 0 ? '' : `${describePath(rest)}: `;
  const message = missing ? 'is required but not set' : `${where}${issue.message}`;
  return {
    variable,
    message,
    example: meta?.example ?? '',
    ...(missing && meta?.hint !== undefined ? { hint: meta.hint } : {}),
  };
}

function describePath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `item ${key + 1}` : String(key))).join(' ');
}
