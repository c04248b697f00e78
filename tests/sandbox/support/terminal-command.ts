import { spawn, type ChildProcess } from 'node:child_process';

/** How a command ended. */
export interface CommandExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** A command run as a terminal runs it: in its own process group, which Ctrl+C signals as a whole. */
export interface TerminalCommand {
  readonly child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  /** Resolves with the first output line matching `pattern`; rejects after `timeoutMs`. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  /** Ctrl+C: SIGINT to every process of the group (npm, its shell, tsx, the sandbox and the bot it started). */
  interrupt(): void;
  /** Resolves when the command's first process has ended; rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<CommandExit>;
  /** Whether any process of the group is still running (a child that outlived its parent included). */
  groupAlive(): boolean;
  /** SIGKILL to whatever of the group is left (a failed test's clean-up). */
  kill(): void;
}

const withTimeout = <T>(promise: Promise<T>, timeoutMs: number, what: () => string): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(what())), timeoutMs);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });

/** Starts `argv` in `cwd` with only PATH and HOME from this process plus `env`. */
export function runInTerminal(
  argv: readonly string[],
  env: Record<string, string>,
  cwd: string,
): TerminalCommand {
  const [command = '', ...args] = argv;
  const child = spawn(command, args, {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const ended = new Promise<CommandExit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const group = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The whole group has already exited.
    }
  };
  return {
    child,
    output: () => text,
    waitForLine: (pattern, timeoutMs) =>
      withTimeout(
        new Promise<string>((resolve) => {
          const check = (): void => {
            const line = text.split('\n').find((candidate) => pattern.test(candidate));
            if (line === undefined) return;
            listeners.delete(check);
            resolve(line);
          };
          listeners.add(check);
          check();
        }),
        timeoutMs,
        () => `no line matching ${String(pattern)} after ${timeoutMs} ms. Output:\n${text}`,
      ),
    interrupt: () => group('SIGINT'),
    exited: (timeoutMs) =>
      withTimeout(ended, timeoutMs, () => `still running after ${timeoutMs} ms:\n${text}`),
    groupAlive() {
      if (child.pid === undefined) return false;
      try {
        process.kill(-child.pid, 0);
        return true;
      } catch {
        return false;
      }
    },
    kill: () => group('SIGKILL'),
  };
}
