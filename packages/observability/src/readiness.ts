import { redactString } from '@discord-bot/logger';

/** How long one readiness check may take before it counts as down. */
export const READINESS_CHECK_TIMEOUT_MS = 2_000;

/** State of one dependency. `detail` is shown to operators: keep it short and free of secrets. */
export type DependencyStatus =
  { readonly state: 'up'; readonly detail?: string } | { readonly state: 'down'; readonly detail: string };

/** Reports one dependency's state; a throw or a timeout counts as down. */
export type ReadinessCheck = () => DependencyStatus | Promise<DependencyStatus>;

/** What `/ready` answers. */
export interface ReadinessReport {
  /** True when every check is up. */
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, DependencyStatus>>;
}

/** Where code registers the checks of the dependencies it needs (database, redis, discord, lavalink). */
export interface ReadinessRegistrar {
  /**
   * Adds a check under `name`; returns a function that removes it.
   * @throws {Error} when `name` is already registered (two owners of one name is a wiring bug).
   */
  register(name: string, check: ReadinessCheck): () => void;
}

/** Up, with an optional note. */
export const up = (detail?: string): DependencyStatus =>
  detail === undefined ? { state: 'up' } : { state: 'up', detail };

/** Down, with the reason. */
export const down = (detail: string): DependencyStatus => ({ state: 'down', detail });

/**
 * The readiness checks of a process, run in parallel on every `/ready` request, each bounded by
 * {@link READINESS_CHECK_TIMEOUT_MS}.
 */
export class ReadinessRegistry implements ReadinessRegistrar {
  readonly #checks = new Map<string, ReadinessCheck>();

  public register(name: string, check: ReadinessCheck): () => void {
    if (this.#checks.has(name)) throw new Error(`readiness check "${name}" is already registered`);
    this.#checks.set(name, check);
    return () => {
      if (this.#checks.get(name) === check) this.#checks.delete(name);
    };
  }

  /** A registrar whose names are prefixed with `prefix/`, for one component of a shared process. */
  public scoped(prefix: string): ReadinessRegistrar {
    return { register: (name, check) => this.register(`${prefix}/${name}`, check) };
  }

  /** Runs every check. */
  public async evaluate(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.#checks].map(async ([name, check]) => [name, await runCheck(check)] as const),
    );
    return {
      ready: entries.every(([, status]) => status.state === 'up'),
      checks: Object.fromEntries(entries),
    };
  }
}

async function runCheck(check: ReadinessCheck): Promise<DependencyStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DependencyStatus>((resolve) => {
    timer = setTimeout(
      () => resolve(down(`no answer within ${READINESS_CHECK_TIMEOUT_MS} ms`)),
      READINESS_CHECK_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([Promise.resolve().then(check), timeout]);
  } catch (error) {
    return down(redactString(error instanceof Error ? error.message : String(error)));
  } finally {
    clearTimeout(timer);
  }
}
