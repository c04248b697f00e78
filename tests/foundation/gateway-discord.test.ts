import { startSimulator, type Simulator } from '@discord-bot/discord-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downChecks, pollReady } from '../support/poll-ready.js';
import { killAll, spawnEntry, tsxEntry } from '../support/spawn-entry.js';

/** Shaped like Discord's (first segment: the base64 bot id), so the audio service knows the bot's user id. */
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.foundation-test.never-printed';
/** Bound for start-up and for login; discord.js alone may wait 15 s for guilds before READY. */
const START_TIMEOUT_MS = 40_000;
let sim: Simulator;

beforeAll(async () => {
  // Both cases identify one after the other; Discord's 5 s identify window would only slow the test down.
  sim = await startSimulator({ limits: { identifyWindowMs: 100 } });
  sim.createGuild({ name: 'Foundation test guild' });
});
afterAll(async () => {
  killAll();
  await sim.stop();
});

describe.each([
  { entry: 'gateway/src/main.ts', portVariable: 'GATEWAY_PORT', check: 'discord' },
  { entry: 'single-node/src/main.ts', portVariable: 'PORT', check: 'gateway/discord' },
])('GIVEN a reachable Discord (the simulator) WHEN $entry starts', ({ entry, portVariable, check }) => {
  // Generous: on a loaded 2-core machine start-up (tsx, the embedded audio node) and login take their time.
  it(
    'THEN it logs in, /ready turns 200 with Discord up, and SIGTERM still exits 0',
    { timeout: 90_000 },
    async () => {
      const proc = spawnEntry(tsxEntry(entry), {
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_BASE: sim.restBase,
        [portVariable]: '0',
      });
      const base = `http://127.0.0.1:${await proc.port(START_TIMEOUT_MS)}`;
      await proc.waitForLine(/"msg":"connected to Discord"/, START_TIMEOUT_MS);

      const ready = await pollReady(base, (answer) => answer.status === 200, START_TIMEOUT_MS);
      expect(downChecks(ready)).toEqual([]);
      expect(ready.status).toBe(200);
      expect(ready.checks[check]).toMatchObject({
        state: 'up',
        detail: expect.stringMatching(/^ping -?\d+ ms$/) as unknown,
      });
      expect(await (await fetch(`${base}/metrics`)).text()).toMatch(
        /^gateway_discord_connected\{service="[\w-]+"\} 1$/m,
      );

      const exit = await proc.stop('SIGTERM');
      expect(exit).toMatchObject({ code: 0, signal: null });
      expect(proc.output()).not.toContain(TOKEN);
    },
  );
});
