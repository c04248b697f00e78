import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNELS, UI_NOW_CHANNEL, createEnvelope, type UiNowEvent } from '../../src/index.js';
import { GUILD_A, counterValue, eventually, newRegistry } from './fixtures.js';
import type { EventBusHarness } from './harnesses.js';

function progress(positionMs: number): UiNowEvent {
  return createEnvelope(
    'player.progress',
    { positionMs, durationMs: 200_000, paused: false },
    { guildId: GUILD_A },
  );
}

/** The behaviour every fan-out bus (pub/sub, stream, in-process) must have. */
export function eventBusContract(name: string, makeHarness: () => EventBusHarness, skip = false): void {
  describe.skipIf(skip)(`event bus contract: ${name}`, () => {
    let harness: EventBusHarness;
    beforeEach(() => {
      harness = makeHarness();
    });
    afterEach(async () => {
      await harness.dispose();
    });

    it('GIVEN two subscribers THEN each gets every message, validated and in publish order', async () => {
      const publisher = harness.bus(newRegistry());
      const first: UiNowEvent[] = [];
      const second: UiNowEvent[] = [];
      await harness.bus(newRegistry()).subscribe(UI_NOW_CHANNEL, (event) => void first.push(event));
      await harness.bus(newRegistry()).subscribe(UI_NOW_CHANNEL, (event) => void second.push(event));

      const sent = [1_000, 2_000, 3_000].map(progress);
      for (const event of sent) await publisher.publish(UI_NOW_CHANNEL, event);

      await eventually(() => first.length === 3 && second.length === 3);
      expect(first).toEqual(sent);
      expect(second).toEqual(sent);
    });

    it('GIVEN a malformed message THEN it is counted and dropped and the subscriber carries on', async () => {
      const registry = newRegistry();
      const received: UiNowEvent[] = [];
      await harness.bus(registry).subscribe(UI_NOW_CHANNEL, (event) => void received.push(event));

      await harness.publishRaw(CHANNELS.uiNow, '{"id":"bad-1","type":"player.progress","payload":{}}');
      await harness.publishRaw(CHANNELS.uiNow, 'not json at all');
      await harness.bus(newRegistry()).publish(UI_NOW_CHANNEL, progress(5));

      await eventually(() => received.length === 1);
      expect(received[0]?.payload).toEqual({ positionMs: 5, durationMs: 200_000, paused: false });
      expect(await counterValue(registry, 'messaging_dropped_total', { reason: 'malformed' })).toBe(2);
    });

    it('GIVEN a handler that throws THEN it is counted and the next message is still delivered', async () => {
      const registry = newRegistry();
      const received: number[] = [];
      await harness.bus(registry).subscribe(UI_NOW_CHANNEL, (event) => {
        if (event.type !== 'player.progress') return;
        if (event.payload.positionMs === 1) throw new Error('render failed');
        received.push(event.payload.positionMs);
      });
      const publisher = harness.bus(newRegistry());

      await publisher.publish(UI_NOW_CHANNEL, progress(1));
      await publisher.publish(UI_NOW_CHANNEL, progress(2));

      await eventually(() => received.length === 1);
      expect(received).toEqual([2]);
      expect(await counterValue(registry, 'messaging_failed_total')).toBe(1);
    });

    it('GIVEN a closed bus THEN its subscribers hear nothing more while other buses still do', async () => {
      const publisher = harness.bus(newRegistry());
      const closed = harness.bus(newRegistry());
      const closedHeard: number[] = [];
      const openHeard: number[] = [];
      await closed.subscribe(UI_NOW_CHANNEL, (event) => void closedHeard.push(event.sentAt));
      await harness
        .bus(newRegistry())
        .subscribe(UI_NOW_CHANNEL, (event) => void openHeard.push(event.sentAt));

      await closed.close();
      await publisher.publish(UI_NOW_CHANNEL, progress(1));
      await eventually(() => openHeard.length === 1);
      await new Promise((resolve) => setTimeout(resolve, 50));

      expect(closedHeard).toHaveLength(0);
    });

    it('GIVEN an unsubscribed handler THEN it gets nothing more', async () => {
      const publisher = harness.bus(newRegistry());
      const kept: number[] = [];
      const dropped: number[] = [];
      const subscriber = harness.bus(newRegistry());
      await subscriber.subscribe(UI_NOW_CHANNEL, (event) => void kept.push(event.sentAt));
      const unsubscribe = await subscriber.subscribe(
        UI_NOW_CHANNEL,
        (event) => void dropped.push(event.sentAt),
      );

      await publisher.publish(UI_NOW_CHANNEL, progress(1));
      await eventually(() => kept.length === 1 && dropped.length === 1);
      await unsubscribe();
      await publisher.publish(UI_NOW_CHANNEL, progress(2));
      await eventually(() => kept.length === 2);

      expect(dropped).toHaveLength(1);
    });
  });
}
