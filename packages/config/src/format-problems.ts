import type { ConfigProblem } from './config-problem.js';
import type { ServiceName } from './service-configs.js';

/**
 * The report printed when a service refuses to start: one block per problem with the variable, what is
 * wrong and a valid example. Built from problems only, which never hold a value, so no secret can leak.
 */
export function formatProblems(service: ServiceName, problems: readonly ConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const lines = [`Invalid configuration for ${service} (${count}):`];
  for (const problem of problems) {
    lines.push(`  - ${problem.variable} ${problem.message}`);
    if (problem.example !== '') lines.push(`      example: ${problem.variable}=${problem.example}`);
    if (problem.hint !== undefined) lines.push(...problem.hint.split('\n').map((line) => `      ${line}`));
  }
  lines.push('Set these in the environment or in .env (see .env.example and docs/CONFIGURATION.md).');
  return lines.join('\n');
}
