import type { Executor } from '../executor.js';
import type { DatabaseMetrics } from '../metrics.js';

/**
 * Base of every repository: holds the executor (root database or transaction) and times each public call
 * under the repository's metric label.
 */
export abstract class Repository {
  protected abstract readonly name: string;

  public constructor(
    protected readonly db: Executor,
    private readonly metrics: DatabaseMetrics,
  ) {}

  /** Runs one public operation, measured as `<name>.<method>`. */
  protected run<T>(method: string, fn: () => Promise<T>): Promise<T> {
    return this.metrics.observe(this.name, method, fn);
  }
}
