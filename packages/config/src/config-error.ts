import { AppError } from '@discord-bot/errors';
import type { ConfigProblem } from './config-problem.js';
import { formatProblems } from './format-problems.js';
import type { ServiceName } from './service-configs.js';

/** The environment does not describe a valid configuration. `problems` lists every fault found. */
export class ConfigError extends AppError {
  public readonly problems: readonly ConfigProblem[];

  public constructor(service: ServiceName, problems: readonly ConfigProblem[]) {
    super('CONFIG_INVALID', formatProblems(service, problems), {
      details: { service, variables: problems.map((problem) => problem.variable) },
    });
    this.problems = problems;
  }
}

/** `.env` exists but cannot be read. */
export class ConfigFileError extends AppError {
  public constructor(path: string, cause: unknown) {
    super('CONFIG_FILE_UNREADABLE', `cannot read the environment file ${path}`, { cause, details: { path } });
  }
}
