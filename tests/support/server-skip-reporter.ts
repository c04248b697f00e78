import type { Reporter, TestModule, Vitest } from 'vitest/node';
import { SERVER_VARIABLES, serverVariablesOf, type ServerVariable } from './server-requirements.js';

/**
 * Ends a run by saying how many tests were skipped for want of a server and which variable enables them,
 * so a green `npm test` on a fresh machine is not mistaken for a full run. Silent when every server
 * variable is set. A skipped test counts for a variable when its file (or a helper it imports) reads it.
 */
export default class ServerSkipReporter implements Reporter {
  #vitest: Vitest | undefined;

  public onInit(vitest: Vitest): void {
    this.#vitest = vitest;
  }

  public onTestRunEnd(testModules: readonly TestModule[]): void {
    const missing = (Object.keys(SERVER_VARIABLES) as ServerVariable[]).filter(
      (name) => (process.env[name] ?? '') === '',
    );
    if (missing.length === 0) return;

    const skippedBy = new Map<ServerVariable, number>(missing.map((name) => [name, 0]));
    let total = 0;
    for (const testModule of testModules) {
      const skipped = [...testModule.children.allTests('skipped')].length;
      if (skipped === 0) continue;
      const needs = serverVariablesOf(testModule.moduleId).filter((name) => missing.includes(name));
      if (needs.length === 0) continue;
      total += skipped;
      for (const name of needs) skippedBy.set(name, (skippedBy.get(name) ?? 0) + skipped);
    }

    const lines = [
      `${total} tests skipped for want of a server${total === 0 ? ` (${missing.join(', ')} unset)` : ':'}`,
    ];
    for (const [name, count] of skippedBy) {
      if (count === 0) continue;
      const { server, example } = SERVER_VARIABLES[name];
      lines.push(`  ${count} need ${server}: set ${name} (e.g. ${name}=${example})`);
    }
    const log = this.#vitest?.logger;
    if (log === undefined) console.log(lines.join('\n'));
    else log.log(`\n${lines.join('\n')}`);
  }
}
