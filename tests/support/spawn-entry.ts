import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** How a spawned process ended. */
export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** From the moment the exit was asked for (or from spawn when it ended by itself). */
  readonly elapsedMs: number;
}

/** A real entry point running as its own process. */
export interface SpawnedEntry {
  readonly child: ChildProcess;
  /** Working directory (a fresh temporary one: put a `.env` there to test file loading). */
  readonly cwd: string;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the first output line matching `pattern`. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** The HTTP port from the `listening` log line. */
  port(timeoutMs?: number): Promise<number>;
  /** Resolves when the process ends by itself. */
  exited(timeoutMs?: number): Promise<Exit>;
  /** Sends `signal` and resolves when the process has ended. */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<Exit>;
}

const running = new Set<ChildProcess>();

/** Kills whatever a test left running (call from `afterAll`). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/**
 * Spawns `argv` (an npm script or `tsx <entry>`) from the repository's binaries with a clean environment:
 * only PATH/HOME plus `env`, JSON logs, so nothing from the developer's shell or `.env` leaks in.
 */
export function spawnEntry(argv: readonly string[], env: Record<string, string>, cwd?: string): SpawnedEntry {
  const dir = cwd ?? mkdtempSync(join(tmpdir(), 'entry-'));
  const [command = '', ...args] = argv;
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: dir,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? dir, LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);

  let stopAskedAt: number | undefined;
  const ended = new Promise<Exit>((resolveExit) => {
    child.on('exit', (code, signal) => {
      running.delete(child);
      if (cwd === undefined) rmSync(dir, { recursive: true, force: true });
      resolveExit({ code, signal, elapsedMs: performance.now() - (stopAskedAt ?? started) });
    });
  });

  const withTimeout = <T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolvePromise, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${what}: nothing after ${timeoutMs} ms. Output:\n${text}`)),
        timeoutMs,
      );
      promise.then(resolvePromise, reject).finally(() => clearTimeout(timer));
    });

  const waitForLine = (pattern: RegExp, timeoutMs = 20_000): Promise<string> =>
    withTimeout(
      new Promise<string>((resolveLine) => {
        const check = (): void => {
          const line = text.split('\n').find((candidate) => pattern.test(candidate));
          if (line !== undefined) {
            listeners.delete(check);
            resolveLine(line);
          }
        };
        listeners.add(check);
        check();
      }),
      timeoutMs,
      `waiting for ${String(pattern)}`,
    );

  return {
    child,
    cwd: dir,
    output: () => text,
    waitForLine,
    async port(timeoutMs) {
      const line = await waitForLine(/"msg":"listening"/, timeoutMs);
      return (JSON.parse(line) as { port: number }).port;
    },
    exited: (timeoutMs = 20_000) => withTimeout(ended, timeoutMs, 'waiting for exit'),
    stop(signal = 'SIGTERM', timeoutMs = 20_000) {
      stopAskedAt = performance.now();
      child.kill(signal);
      return withTimeout(ended, timeoutMs, `waiting for exit after ${signal}`);
    },
  };
}

/** tsx's loader as an `--import` URL: resolvable from any working directory. */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/**
 * The command line of a TypeScript entry point run from source exactly as the npm scripts run it: one
 * `node` process with tsx's loader. (Not the `tsx` CLI: its wrapper process SIGKILLs a child that does not
 * acknowledge a signal within 60 ms, which turns a graceful shutdown during a busy start-up into a kill.)
 */
export function tsxEntry(entry: string): string[] {
  return [process.execPath, '--import', TSX_LOADER, '--conditions=source', join(ROOT, entry)];
}

/** A port nothing listens on (bound then released), for "the dependency is down" cases. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const address = server.address();
  await new Promise((resolveClose) => server.close(resolveClose));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
