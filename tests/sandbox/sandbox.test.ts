import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, closedPort } from '../support/spawn-entry.js';
import { waitUntil } from '../e2e/support/wait-until.js';
import { printedRequest, sendPrinted } from './support/printed-request.js';
import { runInTerminal, type TerminalCommand } from './support/terminal-command.js';

/** The sandbox waits up to 2 × 120 s for the bot (commands, then readiness); a little more for npm and tsx. */
const READY_TIMEOUT_MS = 150_000;
/** From /play to the tone at the simulator, on a loaded machine (the e2e suite holds the 3 s promise). */
const HEARD_TIMEOUT_MS = 20_000;
/** Ctrl+C stops the bot (its shutdown takes at most 9 s, the sandbox allows 15), tones and simulator. */
const STOP_TIMEOUT_MS = 30_000;
const TONE_HZ = 440;
const TONE_TOLERANCE = 0.02;

interface InteractionAnswer {
  readonly response: { readonly content: string } | null;
  readonly followUps: readonly { readonly content: string }[];
  readonly error?: string | null;
}

interface AudioAnswer {
  readonly speaking: boolean;
  readonly dominantHz: number;
}

/** The port the bot's HTTP server bound, from its JSON log. */
function botPort(logPath: string): number {
  const line = readFileSync(logPath, 'utf8')
    .split('\n')
    .find((entry) => entry.includes('"msg":"listening"'));
  if (line === undefined) throw new Error(`no "listening" line in ${logPath}`);
  return (JSON.parse(line) as { port: number }).port;
}

const refused = (url: string): Promise<boolean> =>
  fetch(url).then(
    () => false,
    () => true,
  );

describe('npm run sandbox', () => {
  let sandbox: TerminalCommand | undefined;

  afterAll(async () => {
    // A failed run still stops the sandbox as a user would, so it takes its bot down with it; then kill.
    if (sandbox?.groupAlive() === true) {
      sandbox.interrupt();
      await waitUntil(
        () => sandbox?.groupAlive(),
        (alive) => alive !== true,
        STOP_TIMEOUT_MS,
      ).catch(() => undefined);
      sandbox.kill();
    }
  }, STOP_TIMEOUT_MS + 5_000);

  it(
    'GIVEN a free SANDBOX_PORT THEN the printed curl actions make the simulator hear the tone, and Ctrl+C stops everything cleanly',
    async () => {
      const simPort = await closedPort();
      // PORT=0 reaches the bot through the sandbox's environment, so its HTTP server takes any free port.
      sandbox = runInTerminal(
        ['npm', 'run', '--silent', 'sandbox'],
        { SANDBOX_PORT: String(simPort), PORT: '0' },
        ROOT,
      );
      const starting = await sandbox.waitForLine(/starting the bot \(log: /, READY_TIMEOUT_MS);
      const logPath = /\(log: (\S+)\)/.exec(starting)?.[1] ?? '';
      expect(starting).toContain(`http://127.0.0.1:${simPort}`);
      await sandbox.waitForLine(/The sandbox is ready/, 2 * READY_TIMEOUT_MS);
      const output = sandbox.output();

      // Right away, as a user who pastes the first lines printed would.
      expect(await sendPrinted(printedRequest(output, 'join the voice channel'))).toEqual({ ok: true });
      const { id } = (await sendPrinted(printedRequest(output, '/play a tone'))) as { id: string };
      const answer = printedRequest(output, "see the bot's answer", { '<interaction id>': id });
      const view = await waitUntil(
        () => sendPrinted(answer) as Promise<InteractionAnswer>,
        (v) => (v.error ?? null) !== null || v.followUps.length > 0 || (v.response?.content ?? '') !== '',
        HEARD_TIMEOUT_MS,
        'the answer to /play',
      );
      expect(view.followUps).toEqual([]);
      expect(view.response?.content).toContain('Playing now');
      const listen = printedRequest(output, 'listen:');
      await waitUntil(
        () => sendPrinted(listen) as Promise<AudioAnswer>,
        (audio) => audio.speaking && Math.abs(audio.dominantHz - TONE_HZ) <= TONE_HZ * TONE_TOLERANCE,
        HEARD_TIMEOUT_MS,
        `${TONE_HZ} Hz at the simulator`,
      );

      const botBase = `http://127.0.0.1:${botPort(logPath)}`;
      expect(await refused(`${botBase}/health`)).toBe(false);
      sandbox.interrupt();
      const exit = await sandbox.exited(STOP_TIMEOUT_MS);
      // npm ends as its shell did: by the SIGINT itself (a shell killed by Ctrl+C), or 0.
      expect([0, 'SIGINT'], sandbox.output()).toContain(exit.code ?? exit.signal);
      // The sandbox outlives npm while it cleans up: everything it started must end too.
      await waitUntil(
        () => sandbox?.groupAlive(),
        (alive) => alive === false,
        STOP_TIMEOUT_MS,
        'every process of the sandbox ended',
      );
      expect(sandbox.output()).toContain('Stopping the sandbox');
      expect(sandbox.output()).not.toMatch(/The bot exited|did not/);
      expect(await refused(`http://127.0.0.1:${simPort}/_sim/state`), 'simulator stopped').toBe(true);
      expect(await refused(`${botBase}/health`), 'bot stopped').toBe(true);
      expect(
        existsSync(dirname(logPath)),
        `data directory removed; output:\n${sandbox.output().slice(-3_000)}`,
      ).toBe(false);
    },
    3 * READY_TIMEOUT_MS + 2 * HEARD_TIMEOUT_MS + STOP_TIMEOUT_MS,
  );
});
