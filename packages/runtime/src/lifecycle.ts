import type { Logger } from '@discord-bot/logger';

/** Hard limit for a graceful shutdown; past it the process exits non-zero. Below Kubernetes' 30 s grace. */
export const SHUTDOWN_TIMEOUT_MS = 9_000;

/** Exit code when a second signal asks to stop at once (128 + SIGINT, the shell convention). */
export const FORCED_EXIT_CODE = 130;

/** Where a phase of the process is: `/ready` is up only while `running`. */
export type LifecycleState = 'starting' | 'running' | 'draining' | 'stopped';

/** A step of the shutdown: stop intake, drain in-flight work, close a connection. */
export type ShutdownHook = () => void | Promise<void>;

/** Where code registers what must happen at shutdown. Hooks run in reverse order of registration. */
export interface ShutdownRegistrar {
  onShutdown(name: string, hook: ShutdownHook): void;
}

/** Options of {@link Lifecycle}. */
export interface LifecycleOptions {
  readonly logger: Logger;
  /** Hard limit for all hooks together; {@link SHUTDOWN_TIMEOUT_MS} by default. */
  readonly timeoutMs?: number;
  /** Ends the process; `process.exit` by default (tests pass a spy). */
  readonly exit?: (code: number) => void;
}

/**
 * The start-to-stop story of one process. Code registers shutdown hooks as it acquires resources; on
 * SIGTERM/SIGINT (or {@link Lifecycle.shutdown}) they run one by one, last registered first, so intake
 * stops before the work it feeds is drained and connections close last. A hook that throws is logged and
 * the rest still run (exit code 1); a hook that hangs trips the hard timer (exit code 1); a second signal
 * exits at once.
 */
export class Lifecycle implements ShutdownRegistrar {
  readonly #hooks: { name: string; hook: ShutdownHook }[] = [];
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  readonly #exit: (code: number) => void;
  #state: LifecycleState = 'starting';
  #shutdown: Promise<number> | undefined;

  public constructor(options: LifecycleOptions) {
    this.#logger = options.logger;
    this.#timeoutMs = options.timeoutMs ?? SHUTDOWN_TIMEOUT_MS;
    this.#exit = options.exit ?? ((code) => process.exit(code));
  }

  /** Current phase. */
  public get state(): LifecycleState {
    return this.#state;
  }

  public onShutdown(name: string, hook: ShutdownHook): void {
    if (this.#state === 'draining' || this.#state === 'stopped') {
      throw new Error(`cannot register shutdown hook "${name}" while ${this.#state}`);
    }
    this.#hooks.push({ name, hook });
  }

  /** Start-up finished: the process takes work. */
  public markRunning(): void {
    if (this.#state === 'starting') this.#state = 'running';
  }

  /**
   * Runs every hook once (later calls return the same promise) and resolves with the exit code the
   * process should end with: 0 when every hook succeeded, 1 otherwise.
   */
  public shutdown(reason: string): Promise<number> {
    this.#shutdown ??= this.#runHooks(reason);
    return this.#shutdown;
  }

  /**
   * Ends the process on SIGTERM/SIGINT: graceful the first time, immediate the second. Also turns an
   * uncaught exception or unhandled rejection into a logged, graceful, non-zero exit.
   * @returns a function that removes the handlers (for tests).
   */
  public handleSignals(signals: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT']): () => void {
    const onSignal = (signal: NodeJS.Signals): void => {
      if (this.#shutdown !== undefined) {
        this.#logger.warn({ signal }, 'second signal: exiting now');
        this.#exit(FORCED_EXIT_CODE);
        return;
      }
      this.#logger.info({ signal }, 'shutting down');
      void this.shutdown(signal).then((code) => this.#exit(code));
    };
    const onFatal = (error: unknown): void => {
      this.#logger.fatal({ err: error }, 'uncaught error: shutting down');
      void this.shutdown('fatal error').then(() => this.#exit(1));
    };
    for (const signal of signals) process.on(signal, onSignal);
    process.on('uncaughtException', onFatal);
    process.on('unhandledRejection', onFatal);
    return () => {
      for (const signal of signals) process.off(signal, onSignal);
      process.off('uncaughtException', onFatal);
      process.off('unhandledRejection', onFatal);
    };
  }

  async #runHooks(reason: string): Promise<number> {
    this.#state = 'draining';
    let current = '(none)';
    const timer = setTimeout(() => {
      this.#logger.fatal({ hook: current, timeoutMs: this.#timeoutMs }, 'shutdown timed out: exiting');
      this.#exit(1);
    }, this.#timeoutMs);
    let code = 0;
    const started = performance.now();
    for (const { name, hook } of [...this.#hooks].reverse()) {
      current = name;
      try {
        await hook();
        this.#logger.debug({ hook: name }, 'shutdown step done');
      } catch (error) {
        code = 1;
        this.#logger.error({ err: error, hook: name }, 'shutdown step failed');
      }
    }
    clearTimeout(timer);
    this.#state = 'stopped';
    this.#logger.info({ reason, durationMs: Math.round(performance.now() - started), code }, 'stopped');
    return code;
  }
}
