import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameClock } from '../../src/engine/frame-clock.js';
import { ReconnectBackoff } from '../../src/engine/reconnect-backoff.js';

describe('FrameClock', () => {
  let now = 0;
  let ticks = 0;
  let skipped = 0;
  let clock: FrameClock;

  beforeEach(() => {
    vi.useFakeTimers();
    now = 1_000;
    ticks = 0;
    skipped = 0;
    clock = new FrameClock({ tick: () => ticks++, skipped: (count) => (skipped += count) }, () => now);
  });
  afterEach(() => {
    clock.end();
    vi.useRealTimers();
  });

  /** Advances the monotonic clock and the timers together, as a late-firing timer would. */
  function advance(ms: number, lateByMs = 0): void {
    now += ms + lateByMs;
    vi.advanceTimersByTime(ms);
  }

  it('GIVEN timers that always fire 3 ms late THEN slots stay on the 20 ms grid (no drift)', () => {
    clock.begin();
    for (let index = 0; index < 500; index++) advance(20, 3);
    // 500 x 23 ms of monotonic time = 575 slots: lateness is caught up, never accumulated.
    expect(ticks).toBe(575);
    expect(skipped).toBe(0);
  });

  it('GIVEN a 100 ms stall THEN the missed slots are sent back to back', () => {
    clock.begin();
    advance(20);
    advance(20, 100);
    expect(ticks).toBe(7);
    expect(skipped).toBe(0);
  });

  it('GIVEN a stall longer than the catch-up window THEN the rest count as skipped', () => {
    clock.begin();
    advance(20, 1_000);
    expect(ticks).toBe(10);
    expect(skipped).toBe(41);
  });

  it('GIVEN end THEN no more ticks happen', () => {
    clock.begin();
    advance(20);
    clock.end();
    advance(200);
    expect(ticks).toBe(1);
  });
});

describe('ReconnectBackoff', () => {
  it('GIVEN repeated drops THEN delays grow, stay capped, and run out after 8 attempts', () => {
    const backoff = new ReconnectBackoff(() => 1);
    const delays = Array.from({ length: 9 }, () => backoff.nextDelayMs());
    expect(delays.slice(0, 5)).toEqual([500, 1_000, 2_000, 4_000, 8_000]);
    expect(delays[7]).toBe(8_000);
    expect(delays[8]).toBeNull();
    backoff.reset();
    expect(backoff.nextDelayMs()).toBe(500);
  });
});
