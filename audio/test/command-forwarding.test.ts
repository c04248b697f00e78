/**
 * Commands of a guild another replica drives reach it through its inbox (a command bus of its own) and run
 * there at most once per command id, or are answered `expired`; the same suite on in-process inboxes and, with
 * TEST_REDIS_URL, on Redis streams.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  inProcessForwarding,
  redisForwarding,
  replicaSet,
  TEST_ATTEMPT_MS,
  volumeCommand,
  type ForwardingTransport,
} from './support/forwarding-replicas.js';

const GUILD = '100000000000000001';
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const redisUrl = process.env['TEST_REDIS_URL'];

function forwardingContract(name: string, makeTransport: () => ForwardingTransport, skip = false): void {
  describe.skipIf(skip)(`command forwarding: ${name}`, () => {
    let transport: ForwardingTransport;
    let set: ReturnType<typeof replicaSet>;
    beforeEach(() => {
      transport = makeTransport();
      set = replicaSet(transport);
    });
    afterEach(async () => {
      await set.close();
      await transport.dispose();
    });

    /** A reader replica consuming the shared stream, and the owner of GUILD. */
    async function readerAndOwner() {
      const reader = await set.replica('reader');
      const owner = await set.replica('owner');
      owner.drives.add(GUILD);
      set.leases.leases.set(GUILD, owner.id);
      await set.bus().consume(reader.route);
      return { reader, owner, gateway: set.bus() };
    }

    it('GIVEN a command slower than one forward wait THEN it runs once on the owner and its one answer reaches the sender', async () => {
      const { reader, owner, gateway } = await readerAndOwner();
      owner.delay = () => sleep(TEST_ATTEMPT_MS * 5);

      const outcome = await gateway.request('volume', { volume: 40 }, { guildId: GUILD, timeoutMs: 5_000 });

      expect(outcome).toEqual({ ok: true, value: { volume: 40, previous: 100 } });
      expect(owner.runs.map((command) => command.payload)).toEqual([{ volume: 40 }]);
      expect(reader.runs).toEqual([]);
    });

    it('GIVEN the same command forwarded again, during and after its run THEN it runs once and every forward gets its answer', async () => {
      const { reader, owner } = await readerAndOwner();
      owner.delay = () => sleep(TEST_ATTEMPT_MS * 3);
      const command = volumeCommand(GUILD, 25);

      const concurrent = await Promise.all([
        reader.forwarder.forward(owner.id, command),
        reader.forwarder.forward(owner.id, command),
      ]);
      const later = await reader.forwarder.forward(owner.id, command);

      const answer = { kind: 'answered', outcome: { ok: true, value: { volume: 25, previous: 100 } } };
      expect([...concurrent, later]).toEqual([answer, answer, answer]);
      expect(owner.runs.map((run) => run.id)).toEqual([command.id]);
    });

    it('GIVEN a forwarded command that cannot start before its deadline THEN it is answered expired and never run', async () => {
      const { reader, owner } = await readerAndOwner();
      owner.delay = () => sleep(TEST_ATTEMPT_MS * 4);
      const slow = volumeCommand(GUILD, 10);
      // Queued behind `slow` in the owner's order for the guild, past its deadline by its turn.
      const late = volumeCommand(GUILD, 90, TEST_ATTEMPT_MS);

      const [first, second] = await Promise.all([
        reader.forwarder.forward(owner.id, slow),
        reader.forwarder.forward(owner.id, late),
      ]);

      expect(first).toMatchObject({ kind: 'answered', outcome: { ok: true } });
      expect(second).toMatchObject({ kind: 'answered', outcome: { ok: false, error: { code: 'expired' } } });
      expect(owner.runs.map((run) => run.id)).toEqual([slow.id]);
    });

    it('GIVEN commands of one guild sent one after another THEN the owner runs them in the order they were sent', async () => {
      const { owner, gateway } = await readerAndOwner();
      owner.delay = () => sleep(20);

      const outcomes = await Promise.all(
        [1, 2, 3, 4, 5].map((volume) =>
          gateway.request('volume', { volume }, { guildId: GUILD, timeoutMs: 5_000 }),
        ),
      );

      expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
      expect(owner.runs.map((run) => run.payload)).toEqual([1, 2, 3, 4, 5].map((volume) => ({ volume })));
    });

    it('GIVEN the owner dies with a forwarded command unanswered THEN the sender is told the player is unavailable and it is not run again elsewhere', async () => {
      const { reader, owner, gateway } = await readerAndOwner();
      let finish = () => undefined as void;
      owner.delay = () => new Promise<void>((resolve) => (finish = resolve));

      const answered = gateway.request('volume', { volume: 70 }, { guildId: GUILD, timeoutMs: 5_000 });
      await expect.poll(() => owner.runs.length).toBe(1);
      set.leases.alive.delete(owner.id);
      set.leases.leases.delete(GUILD);
      const outcome = await answered;
      finish();

      expect(outcome.ok ? null : outcome.error.code).toBe('PLAYER_UNAVAILABLE');
      expect(reader.runs).toEqual([]);
    });

    it('GIVEN the owner died before receiving a forwarded command THEN it is taken back and runs once on the next owner', async () => {
      const reader = await set.replica('reader');
      await set.bus().consume(reader.route);
      // An owner that died a moment ago: its lease and liveness still stand, nothing reads its inbox.
      const ghostId = `forwarding-test-ghost-${crypto.randomUUID().slice(0, 8)}`;
      set.leases.leases.set(GUILD, ghostId);
      set.leases.alive.add(ghostId);

      const answered = set.bus().request('volume', { volume: 45 }, { guildId: GUILD, timeoutMs: 5_000 });
      await sleep(TEST_ATTEMPT_MS * 2);
      set.leases.alive.delete(ghostId);
      set.leases.leases.delete(GUILD);
      const outcome = await answered;
      // Its inbox read at last (the same replica id back): the command is no longer in it.
      const ghost = await set.replica('ghost', ghostId);
      await sleep(TEST_ATTEMPT_MS * 2);

      expect(outcome).toEqual({ ok: true, value: { volume: 45, previous: 100 } });
      expect(reader.runs.map((run) => run.payload)).toEqual([{ volume: 45 }]);
      expect(ghost.runs).toEqual([]);
    });

    it('GIVEN the owner gave the guild up before the command reached it THEN the reader finds the new owner and it runs there once', async () => {
      const { reader, owner, gateway } = await readerAndOwner();
      const heir = await set.replica('heir');
      // The reader looks up the owner; before the command's turn in its inbox, the guild moves on.
      set.leases.afterLookup = () => {
        owner.drives.delete(GUILD);
        set.leases.leases.set(GUILD, heir.id);
        heir.drives.add(GUILD);
      };

      const outcome = await gateway.request('volume', { volume: 55 }, { guildId: GUILD, timeoutMs: 5_000 });

      expect(outcome).toEqual({ ok: true, value: { volume: 55, previous: 100 } });
      expect(heir.runs.map((run) => run.payload)).toEqual([{ volume: 55 }]);
      expect([...owner.runs, ...reader.runs]).toEqual([]);
    });

    it('GIVEN a guild no replica owns THEN the reader claims it and runs the command in its own inbox', async () => {
      const reader = await set.replica('reader');
      await set.bus().consume(reader.route);

      const outcome = await set.bus().request('volume', { volume: 33 }, { guildId: GUILD, timeoutMs: 5_000 });

      expect(outcome.ok).toBe(true);
      expect(set.leases.leases.get(GUILD)).toBe(reader.id);
      expect(reader.runs.map((run) => run.payload)).toEqual([{ volume: 33 }]);
    });
  });
}

forwardingContract('in-process inboxes', inProcessForwarding);
forwardingContract('Redis inboxes', () => redisForwarding(redisUrl ?? ''), redisUrl === undefined);
