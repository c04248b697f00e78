import { ok } from '@discord-bot/errors';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createEnvelope,
  userCommandError,
  type AnyCommand,
  type AnyCommandOutcome,
  type CommandHandler,
} from '../../src/index.js';
import { GUILD_A, GUILD_B, counterValue, eventually, latch, newRegistry } from './fixtures.js';
import type { CommandBusHarness } from './harnesses.js';

/** A volume handler that records what it ran (the stand-in for the audio service). */
function recordingHandler(onRun?: (command: AnyCommand) => Promise<void>) {
  const runs: AnyCommand[] = [];
  const volumes = new Map<string, number>();
  const handler: CommandHandler = async (command): Promise<AnyCommandOutcome> => {
    runs.push(command);
    await onRun?.(command);
    if (command.type !== 'volume') return { ok: false, error: userCommandError('NOTHING_PLAYING') };
    const previous = volumes.get(command.guildId) ?? 100;
    volumes.set(command.guildId, command.payload.volume);
    return ok({ volume: command.payload.volume, previous });
  };
  return { runs, handler };
}

/**
 * The behaviour every command bus implementation must have. Run once per implementation, each with its own
 * harness (in-process always, Redis when TEST_REDIS_URL is set).
 */
export function commandBusContract(name: string, makeHarness: () => CommandBusHarness, skip = false): void {
  describe.skipIf(skip)(`command bus contract: ${name}`, () => {
    let harness: CommandBusHarness;
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('GIVEN a consumer THEN a request gets its typed result', async () => {
      const registry = newRegistry();
      const audio = harness.bus(registry);
      const gateway = harness.bus(registry);
      await audio.consume(recordingHandler().handler);

      const outcome = await gateway.request('volume', { volume: 50 }, { guildId: GUILD_A, timeoutMs: 5_000 });

      expect(outcome).toEqual({ ok: true, value: { volume: 50, previous: 100 } });
      expect(await counterValue(registry, 'messaging_consumed_total', { type: 'volume' })).toBe(1);
      expect(await counterValue(registry, 'messaging_published_total', { type: 'volume' })).toBe(1);
      expect(await registry.getSingleMetricAsString('messaging_request_duration_seconds')).toContain(
        'messaging_request_duration_seconds_count{type="volume",outcome="ok"} 1',
      );
    });

    it('GIVEN a handler answering a user error THEN the sender gets that error as a value', async () => {
      const audio = harness.bus(newRegistry());
      const gateway = harness.bus(newRegistry());
      await audio.consume(recordingHandler().handler);

      const outcome = await gateway.request('pause', {}, { guildId: GUILD_A, timeoutMs: 5_000 });

      expect(outcome.ok).toBe(false);
      expect(!outcome.ok && outcome.error.code).toBe('NOTHING_PLAYING');
    });

    it('GIVEN a payload that breaks its contract THEN it is answered invalid without being sent', async () => {
      const audio = harness.bus(newRegistry());
      const gateway = harness.bus(newRegistry());
      const { runs, handler } = recordingHandler();
      await audio.consume(handler);

      const outcome = await gateway.request(
        'volume',
        { volume: 201 },
        { guildId: GUILD_A, timeoutMs: 5_000 },
      );

      expect(!outcome.ok && outcome.error.code).toBe('invalid');
      expect(runs).toHaveLength(0);
    });

    it('GIVEN no consumer THEN the sender gets a typed timeout error', async () => {
      const gateway = harness.bus(newRegistry());

      const outcome = await gateway.request('volume', { volume: 10 }, { guildId: GUILD_A, timeoutMs: 200 });

      expect(!outcome.ok && outcome.error.code).toBe('timeout');
    });

    it('GIVEN commands sent while no consumer runs THEN each runs exactly once after one starts', async () => {
      const gateway = harness.bus(newRegistry());
      const options = { guildId: GUILD_A, timeoutMs: 10_000 };
      const pending = [10, 20, 30].map((volume) => gateway.request('volume', { volume }, options));
      await new Promise((resolve) => setTimeout(resolve, 300));

      const { runs, handler } = recordingHandler();
      await harness.bus(newRegistry()).consume(handler);
      const outcomes = await Promise.all(pending);

      expect(outcomes.map((outcome) => outcome.ok && outcome.value.volume)).toEqual([10, 20, 30]);
      await new Promise((resolve) => setTimeout(resolve, 700)); // past the reclaim interval: nothing runs twice
      expect(runs.map((run) => run.id)).toHaveLength(3);
      expect(new Set(runs.map((run) => run.id)).size).toBe(3);
    });

    it('GIVEN a consumer killed mid-command THEN another consumer reclaims and runs it', async () => {
      const registry = newRegistry();
      const gateway = harness.bus(registry);
      const stuck = latch();
      const first = recordingHandler(() => stuck.promise);
      const doomed = harness.bus(registry);
      await doomed.consume(first.handler);

      const pending = gateway.request('volume', { volume: 42 }, { guildId: GUILD_A, timeoutMs: 10_000 });
      await eventually(() => first.runs.length === 1);
      doomed.abandon(); // the process dies: connection gone, nothing acknowledged
      const second = recordingHandler();
      await harness.bus(registry).consume(second.handler);

      const outcome = await pending;
      expect(outcome).toEqual({ ok: true, value: { volume: 42, previous: 100 } });
      expect(second.runs.map((run) => run.id)).toEqual(first.runs.map((run) => run.id));
      expect(await counterValue(registry, 'messaging_redelivered_total')).toBeGreaterThanOrEqual(1);
      stuck.release();
    });

    it('GIVEN a command handed to a consumer that dies before running it THEN another consumer runs it once', async () => {
      const gateway = harness.bus(newRegistry());
      const stuck = latch();
      const first = recordingHandler(() => stuck.promise);
      const doomed = harness.bus(newRegistry());
      await doomed.consume(first.handler);
      const options = { guildId: GUILD_A, timeoutMs: 10_000 };
      const running = gateway.request('volume', { volume: 1 }, options);
      await eventually(() => first.runs.length === 1);
      // Queued behind the running one on the doomed consumer: handed to it, not started.
      const queued = gateway.request('volume', { volume: 2 }, { ...options, id: 'queued-1' });
      await new Promise((resolve) => setTimeout(resolve, 300)); // generous: read within blockMs
      expect(await gateway.withdraw('queued-1')).toBe(false); // the dead consumer has it

      doomed.abandon();
      stuck.release(); // too late: the dead consumer answers nothing
      const second = recordingHandler();
      await harness.bus(newRegistry()).consume(second.handler);

      expect((await running).ok).toBe(true);
      expect(await queued).toEqual({ ok: true, value: { volume: 2, previous: 1 } });
      expect(first.runs.map((run) => run.id)).not.toContain('queued-1');
      expect(second.runs.filter((run) => run.id === 'queued-1')).toHaveLength(1);
    });

    it("GIVEN a command in a consumer's pending entries it was never given (a lost read reply) THEN that consumer runs it, once", async () => {
      const audio = harness.bus(newRegistry());
      const { runs, handler } = recordingHandler();
      await audio.consume(handler);
      const lost = {
        ...createEnvelope('volume', { volume: 9 }, { guildId: GUILD_A, id: 'lost-notification-1' }),
        deadlineAt: Date.now() + 60_000,
      };

      await harness.strand(audio, JSON.stringify(lost));

      await eventually(() => runs.some((run) => run.id === lost.id));
      await new Promise((resolve) => setTimeout(resolve, 700)); // several recovery sweeps later
      expect(runs.filter((run) => run.id === lost.id)).toHaveLength(1);
      const after = await harness
        .bus(newRegistry())
        .request('volume', { volume: 10 }, { guildId: GUILD_A, timeoutMs: 5_000 });
      expect(after).toEqual({ ok: true, value: { volume: 10, previous: 9 } });
    });

    it("GIVEN the consumer's read connection drops while it holds a command THEN every command runs once and is answered", async () => {
      const gateway = harness.bus(newRegistry());
      const audio = harness.bus(newRegistry());
      const gate = latch();
      const { runs, handler } = recordingHandler(async (command) => {
        if (command.id === 'held-across-drop') await gate.promise;
      });
      await audio.consume(handler);
      const options = { guildId: GUILD_A, timeoutMs: 10_000 };
      const held = gateway.request('volume', { volume: 1 }, { ...options, id: 'held-across-drop' });
      await eventually(() => runs.length === 1);

      await harness.interruptReads(audio);
      const later = [2, 3].map((volume) => gateway.request('volume', { volume }, options));
      const otherGuild = gateway.request('volume', { volume: 4 }, { guildId: GUILD_B, timeoutMs: 10_000 });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the reconnect and a recovery sweep
      gate.release();

      const outcomes = await Promise.all([held, ...later]);
      expect(outcomes.map((outcome) => outcome.ok && outcome.value.previous)).toEqual([100, 1, 2]);
      expect((await otherGuild).ok).toBe(true);
      expect(runs).toHaveLength(4);
      expect(new Set(runs.map((run) => run.id)).size).toBe(4);
    });

    it('GIVEN a slow command THEN it is kept alive and not reclaimed by another consumer', async () => {
      const tuning = { claimIdleMs: 500 };
      const gateway = harness.bus(newRegistry());
      const slow = recordingHandler(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
      const other = recordingHandler();
      await harness.bus(newRegistry(), tuning).consume(slow.handler);

      const pending = gateway.request('volume', { volume: 5 }, { guildId: GUILD_A, timeoutMs: 10_000 });
      await eventually(() => slow.runs.length === 1);
      await harness.bus(newRegistry(), tuning).consume(other.handler);

      expect((await pending).ok).toBe(true);
      expect(other.runs).toHaveLength(0); // 2 s of work is 4 claim-idle periods: only keep-alives saved it
    });

    it('GIVEN a command no consumer has received THEN withdraw takes it back: a consumer started later never runs it', async () => {
      const registry = newRegistry();
      const gateway = harness.bus(registry);
      const audio = harness.bus(registry);
      const sent = gateway.request(
        'volume',
        { volume: 5 },
        { guildId: GUILD_A, id: 'withdrawn-1', timeoutMs: 300 },
      );
      // True once it is enqueued (the request enqueues in the background).
      await eventually(() => gateway.withdraw('withdrawn-1'));
      expect(await gateway.withdraw('withdrawn-1')).toBe(false);
      const { runs, handler } = recordingHandler();
      await audio.consume(handler);

      expect((await sent).ok ? null : 'timeout').toBe('timeout');
      const after = await gateway.request('volume', { volume: 6 }, { guildId: GUILD_A, timeoutMs: 5_000 });
      expect(after.ok).toBe(true);
      expect(runs.map((command) => command.id)).not.toContain('withdrawn-1');
    });

    it('GIVEN a command a consumer has received THEN withdraw refuses and it completes as usual', async () => {
      const gateway = harness.bus(newRegistry());
      const audio = harness.bus(newRegistry());
      const gate = latch();
      const { runs, handler } = recordingHandler(() => gate.promise);
      await audio.consume(handler);
      const sent = gateway.request(
        'volume',
        { volume: 7 },
        { guildId: GUILD_A, id: 'held-1', timeoutMs: 5_000 },
      );
      await eventually(() => runs.length === 1);

      expect(await gateway.withdraw('held-1')).toBe(false);
      gate.release();
      expect((await sent).ok).toBe(true);
      expect(await gateway.withdraw('held-1')).toBe(false);
    });

    it('GIVEN a command past its deadline THEN it is answered expired and not executed', async () => {
      const registry = newRegistry();
      const gateway = harness.bus(registry);
      const pending = gateway.request(
        'volume',
        { volume: 70 },
        { guildId: GUILD_A, timeoutMs: 10_000, deadlineAt: Date.now() + 100 },
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { runs, handler } = recordingHandler();
      await harness.bus(registry).consume(handler);

      const outcome = await pending;

      expect(!outcome.ok && outcome.error.code).toBe('expired');
      expect(runs).toHaveLength(0);
      expect(await counterValue(registry, 'messaging_expired_total', { type: 'volume' })).toBe(1);
    });

    it('GIVEN commands of one guild THEN they run one at a time in arrival order, other guilds in parallel', async () => {
      const gateway = harness.bus(newRegistry());
      const gate = latch();
      let running = 0;
      let maxRunningInA = 0;
      const { runs, handler } = recordingHandler(async (command) => {
        if (command.guildId !== GUILD_A) return;
        running += 1;
        maxRunningInA = Math.max(maxRunningInA, running);
        if (runs.filter((run) => run.guildId === GUILD_A).length === 1) await gate.promise;
        else await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
      });
      await harness.bus(newRegistry()).consume(handler);

      const options = { guildId: GUILD_A, timeoutMs: 10_000 };
      const inA = [1, 2, 3, 4, 5].map((volume) => gateway.request('volume', { volume }, options));
      await eventually(() => runs.length === 1);
      // Guild B is not held up by guild A's blocked command.
      const inB = await gateway.request('volume', { volume: 99 }, { guildId: GUILD_B, timeoutMs: 5_000 });
      expect(inB.ok).toBe(true);
      expect(runs.filter((run) => run.guildId === GUILD_A)).toHaveLength(1);
      gate.release();

      const outcomes = await Promise.all(inA);
      expect(outcomes.map((outcome) => outcome.ok && outcome.value.previous)).toEqual([100, 1, 2, 3, 4]);
      expect(maxRunningInA).toBe(1);
    });

    it("GIVEN a search while one of its guild's commands is blocked THEN it runs at once", async () => {
      const gateway = harness.bus(newRegistry());
      const gate = latch();
      const { runs, handler } = recordingHandler(async (command) => {
        if (command.type === 'volume') await gate.promise;
      });
      await harness.bus(newRegistry()).consume(handler);

      const blocked = gateway.request('volume', { volume: 5 }, { guildId: GUILD_A, timeoutMs: 10_000 });
      await eventually(() => runs.length === 1);
      const search = await gateway.request(
        'search',
        { query: 'lofi' },
        { guildId: GUILD_A, timeoutMs: 5_000 },
      );
      // The recording handler refuses anything but volume: what matters is that it ran, not what it said.
      expect(search.ok ? null : search.error.code).toBe('NOTHING_PLAYING');
      gate.release();
      expect((await blocked).ok).toBe(true);
    });

    it('GIVEN the same command id sent again THEN it runs once and every sender gets the same result', async () => {
      const gateway = harness.bus(newRegistry());
      const otherGateway = harness.bus(newRegistry());
      const gate = latch();
      const { runs, handler } = recordingHandler(() => gate.promise);
      await harness.bus(newRegistry()).consume(handler);

      const options = { guildId: GUILD_A, id: 'command-1', timeoutMs: 10_000 };
      const first = gateway.request('volume', { volume: 30 }, options);
      const duplicateWhileRunning = otherGateway.request('volume', { volume: 30 }, options);
      await eventually(() => runs.length === 1);
      gate.release();
      const [a, b] = await Promise.all([first, duplicateWhileRunning]);
      const afterwards = await gateway.request('volume', { volume: 30 }, options);

      expect(runs).toHaveLength(1);
      expect(a).toEqual({ ok: true, value: { volume: 30, previous: 100 } });
      expect(b).toEqual(a);
      expect(afterwards).toEqual(a);
    });

    it('GIVEN the same command id sent by two senders at once THEN it runs once and both get its result', async () => {
      const { runs, handler } = recordingHandler();
      await harness.bus(newRegistry()).consume(handler);
      const options = { guildId: GUILD_A, id: 'sent-twice-1', timeoutMs: 10_000 };

      const [a, b] = await Promise.all([
        harness.bus(newRegistry()).request('volume', { volume: 33 }, options),
        harness.bus(newRegistry()).request('volume', { volume: 33 }, options),
      ]);

      expect(a).toEqual({ ok: true, value: { volume: 33, previous: 100 } });
      expect(b).toEqual(a);
      await new Promise((resolve) => setTimeout(resolve, 300)); // a recovery sweep later
      expect(runs.filter((run) => run.id === 'sent-twice-1')).toHaveLength(1);
    });

    it('GIVEN malformed and unknown messages THEN they are counted and dropped and the consumer carries on', async () => {
      const registry = newRegistry();
      const { runs, handler } = recordingHandler();
      await harness.bus(registry).consume(handler);
      const gateway = harness.bus(newRegistry());

      await harness.injectRaw('{not json');
      await harness.injectRaw(
        JSON.stringify({
          id: 'x1',
          type: 'explode',
          guildId: GUILD_A,
          correlationId: 'c',
          sentAt: 1,
          deadlineAt: 1,
          payload: {},
        }),
      );
      await harness.injectRaw(JSON.stringify({ id: 'x2', type: 'volume', guildId: 'not-a-snowflake' }));
      const outcome = await gateway.request('volume', { volume: 1 }, { guildId: GUILD_A, timeoutMs: 5_000 });

      expect(outcome.ok).toBe(true);
      expect(runs).toHaveLength(1);
      expect(await counterValue(registry, 'messaging_dropped_total', { reason: 'malformed' })).toBe(2);
      expect(await counterValue(registry, 'messaging_dropped_total', { reason: 'unknown-type' })).toBe(1);
    });

    it('GIVEN a handler that throws THEN the sender gets internal and the next command still runs', async () => {
      const registry = newRegistry();
      let calls = 0;
      const { handler } = recordingHandler(() => {
        calls += 1;
        return calls === 1 ? Promise.reject(new Error('boom')) : Promise.resolve();
      });
      await harness.bus(registry).consume(handler);
      const gateway = harness.bus(newRegistry());
      const options = { guildId: GUILD_A, timeoutMs: 5_000 };

      const failed = await gateway.request('volume', { volume: 1 }, options);
      const next = await gateway.request('volume', { volume: 2 }, options);

      expect(!failed.ok && failed.error.code).toBe('internal');
      expect(next.ok).toBe(true);
      expect(await counterValue(registry, 'messaging_failed_total', { type: 'volume' })).toBe(1);
    });
  });
}
