import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downChecks, pollReady } from '../support/poll-ready.js';
import { closedPort, killAll, spawnEntry, tsxEntry } from '../support/spawn-entry.js';

/** Generous bound for "exit 0 within 10 s" on a busy 2-core machine; the services take milliseconds. */
const SHUTDOWN_LIMIT_MS = 10_000;
const TOKEN = 'entry-point-test-token-must-never-be-printed';
/** Start-up bound, generous for a loaded machine running the whole suite (tsx compiles on the fly). */
const START_TIMEOUT_MS = 40_000;
const TEST_TIMEOUT_MS = 90_000;

interface Case {
  readonly entry: string;
  readonly service: string;
  readonly env: (discordBase: string) => Record<string, string>;
  /** Readiness checks that must stay down (their dependency is unreachable on purpose); all others come up. */
  readonly down: readonly string[];
  /** Series of the service's own metrics expected in /metrics. */
  readonly ownMetrics?: readonly string[];
}

/** The bot's user id, which the audio service sends to its audio nodes. */
const APPLICATION_ID = '123456789012345678';

const CASES: readonly Case[] = [
  {
    entry: 'gateway/src/main.ts',
    service: 'gateway',
    env: (base) => ({ DISCORD_TOKEN: TOKEN, GATEWAY_PORT: '0', DISCORD_API_BASE: base }),
    down: ['discord'],
    ownMetrics: ['gateway_discord_connected{service="gateway"} 0'],
  },
  {
    entry: 'audio/src/main.ts',
    service: 'audio',
    env: () => ({ AUDIO_PORT: '0', DISCORD_APPLICATION_ID: APPLICATION_ID }),
    down: [],
  },
  { entry: 'api/src/main.ts', service: 'api', env: () => ({ API_PORT: '0' }), down: [] },
  { entry: 'worker/src/main.ts', service: 'worker', env: () => ({ WORKER_PORT: '0' }), down: [] },
  {
    entry: 'single-node/src/main.ts',
    service: 'single-node',
    env: (base) => ({
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      PORT: '0',
      DISCORD_API_BASE: base,
    }),
    down: ['gateway/discord'],
    // The embedded audio node joins the one registry.
    ownMetrics: [
      'gateway_discord_connected{service="single-node"} 0',
      'audio_node_players{service="single-node"} 0',
    ],
  },
];

let discordBase = '';
beforeAll(async () => {
  // Discord is "down": nothing listens there, so the gateway must report it rather than crash.
  discordBase = `http://127.0.0.1:${await closedPort()}/api`;
});
afterAll(killAll);

describe.each(CASES)('$entry run alone', ({ entry, service, env, down, ownMetrics = [] }) => {
  it(
    'THEN /health, /ready and /metrics answer, and SIGTERM exits 0 within 10 s',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const proc = spawnEntry(tsxEntry(entry), env(discordBase));
      const base = `http://127.0.0.1:${await proc.port(START_TIMEOUT_MS)}`;

      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });

      // Every reachable dependency comes up; only the ones made unreachable on purpose stay down.
      const readiness = await pollReady(
        base,
        (answer) => downChecks(answer).join() === [...down].sort().join(),
        START_TIMEOUT_MS,
      );
      expect(downChecks(readiness)).toEqual([...down].sort());
      expect(readiness.status).toBe(down.length === 0 ? 200 : 503);
      expect(readiness.checks['lifecycle']).toEqual({ state: 'up' });

      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(text).toMatch(new RegExp(`^process_resident_memory_bytes\\{service="${service}"\\} \\d+`, 'm'));
      for (const series of ownMetrics) expect(text).toContain(series);

      const exit = await proc.stop('SIGTERM');
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.elapsedMs).toBeLessThan(SHUTDOWN_LIMIT_MS);
      expect(proc.output()).toContain('"msg":"stopped"');
      expect(proc.output()).not.toContain(TOKEN);
    },
  );
});

describe('single-node with LAVALINK_NODES', () => {
  it('THEN it starts no embedded audio node', { timeout: TEST_TIMEOUT_MS }, async () => {
    const proc = spawnEntry(tsxEntry('single-node/src/main.ts'), {
      DISCORD_TOKEN: TOKEN,
      PORT: '0',
      DISCORD_API_BASE: discordBase,
      LAVALINK_NODES: JSON.stringify([
        { id: 'remote', url: 'http://127.0.0.1:2333', password: 'node-secret' },
      ]),
    });
    const base = `http://127.0.0.1:${await proc.port(START_TIMEOUT_MS)}`;
    // The same series is present when the node is embedded (see the single-node case above).
    expect(await (await fetch(`${base}/metrics`)).text()).not.toContain('audio_node_players');
    expect((await proc.stop('SIGTERM')).code).toBe(0);
    expect(proc.output()).not.toContain('"msg":"audio node listening"');
    expect(proc.output()).not.toContain('node-secret');
  });
});

/** When to stop a starting process: inside the window where its event loop is blocked longest. */
const BUSY_START_DELAY_MS = 200;

describe('SIGTERM during a busy start-up', () => {
  it.each([
    { entry: 'audio/src/main.ts', env: { AUDIO_PORT: '0', DISCORD_APPLICATION_ID: APPLICATION_ID } },
    {
      entry: 'single-node/src/main.ts',
      env: { PORT: '0', DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID },
    },
  ])(
    'WHEN $entry is stopped while its database and audio node are still opening THEN it still exits 0',
    { timeout: TEST_TIMEOUT_MS },
    async ({ entry, env }) => {
      const proc = spawnEntry(tsxEntry(entry), { ...env, DISCORD_API_BASE: discordBase });
      await proc.port(START_TIMEOUT_MS);
      // Just after listening the database (PGlite, synchronous WebAssembly start) and the audio node are
      // still opening in the background, and the event loop is at its busiest.
      await new Promise((resolve) => setTimeout(resolve, BUSY_START_DELAY_MS));
      const exit = await proc.stop('SIGTERM');
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(exit.elapsedMs).toBeLessThan(SHUTDOWN_LIMIT_MS);
      expect(proc.output()).toContain('"msg":"stopped"');
    },
  );
});
