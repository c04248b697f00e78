import { Counter, Histogram, Registry } from 'prom-client';
import { toDatabaseError } from './errors/to-database-error.js';

/** Seconds; from a cached primary-key read to a slow migration step. */
const QUERY_DURATION_BUCKETS_S = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Options of {@link DatabaseMetrics.observe}. */
export interface ObserveOptions {
  /**
   * Errors for which this returns true are the caller's own (thrown by a transaction callback): they are
   * rethrown unchanged and not counted as database errors.
   */
  readonly isCallerError?: (error: unknown) => boolean;
}

/** Times and counts every repository call. */
export interface DatabaseMetrics {
  /**
   * Runs `fn` as `repository.method`: records its duration, and on a throw counts the error and rethrows it
   * as a {@link DatabaseError} (driver errors) or unchanged (our own errors).
   */
  observe<T>(repository: string, method: string, fn: () => Promise<T>, options?: ObserveOptions): Promise<T>;
}

function histogramOf(registry: Registry): Histogram<'repository' | 'method'> {
  const name = 'db_query_duration_seconds';
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Histogram) return existing;
  return new Histogram({
    name,
    help: 'Duration of database repository calls, in seconds.',
    labelNames: ['repository', 'method'] as const,
    buckets: QUERY_DURATION_BUCKETS_S,
    registers: [registry],
  });
}

function counterOf(registry: Registry): Counter<'repository' | 'method' | 'code'> {
  const name = 'db_query_errors_total';
  const existing = registry.getSingleMetric(name);
  if (existing instanceof Counter) return existing;
  return new Counter({
    name,
    help: 'Database repository calls that threw, by error code.',
    labelNames: ['repository', 'method', 'code'] as const,
    registers: [registry],
  });
}

/**
 * Metrics registered on `registry` (a private registry when absent). Several databases may share one
 * registry: the metrics are created once and reused.
 */
export function createDatabaseMetrics(registry: Registry = new Registry()): DatabaseMetrics {
  const duration = histogramOf(registry);
  const errors = counterOf(registry);
  return {
    async observe(repository, method, fn, options = {}) {
      const stop = duration.startTimer({ repository, method });
      try {
        return await fn();
      } catch (error) {
        if (options.isCallerError?.(error) === true) throw error;
        const wrapped = toDatabaseError(error, repository, method);
        const code = (wrapped as { code?: unknown }).code;
        errors.inc({ repository, method, code: typeof code === 'string' ? code : 'UNKNOWN' });
        throw wrapped;
      } finally {
        stop();
      }
    },
  };
}
